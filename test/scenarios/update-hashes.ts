/** Rewrites test/scenarios/library-hashes.json from the current engine: `npx tsx test/scenarios/update-hashes.ts`. */
import { writeFileSync } from 'node:fs';
import { changedFiles, HASHES_FILE, hashLibrary, readCommittedHashes } from './library-hashes.ts';

const current = await hashLibrary();
const changed = changedFiles(readCommittedHashes(), current);
writeFileSync(HASHES_FILE, `${JSON.stringify(current, null, 2)}\n`);
process.stdout.write(
  changed.length === 0
    ? `${Object.keys(current).length} hashes, none changed\n`
    : `${changed.length} of ${Object.keys(current).length} hashes changed:\n${changed.map((file) => `  ${file}\n`).join('')}` +
        'Commit them with the change that caused them, and say why the output changed.\n',
);
