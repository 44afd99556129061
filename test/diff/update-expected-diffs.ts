/** Rewrites each scenarios/11-policy-changes/*.diff.json from the current engine: `npx tsx test/diff/update-expected-diffs.ts`. */
import { writeFileSync } from 'node:fs';
import { currentDiff, pairStems, PAIRS_DIR, REPO } from './expected-diffs.ts';

for (const stem of pairStems()) {
  const { json, stderr } = await currentDiff(stem);
  if (json === '') throw new Error(`${stem}: ${stderr}`);
  writeFileSync(`${REPO}/${PAIRS_DIR}/${stem}.diff.json`, json);
  process.stdout.write(`${stem}.diff.json\n`);
}
