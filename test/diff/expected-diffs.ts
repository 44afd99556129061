/** The teaching pairs of scenarios/11-policy-changes/ and how their expected `*.diff.json` is made. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const PAIRS_DIR = 'scenarios/11-policy-changes';

/** Each pair's stem (`01-user-temp-folder`), in sorted order. */
export function pairStems(): string[] {
  return readdirSync(`${REPO}/${PAIRS_DIR}`)
    .filter((name) => name.endsWith('.base.yaml'))
    .map((name) => name.slice(0, -'.base.yaml'.length))
    .sort();
}

/** The command whose JSON output a pair's `*.diff.json` holds: a small seeded stream, so the check stays fast. */
export function diffArgs(stem: string): string[] {
  return ['diff', `${PAIRS_DIR}/${stem}.base.yaml`, `${PAIRS_DIR}/${stem}.head.yaml`, '--generate', '200', '--format', 'json'];
}

/** The pair's diff as the CLI prints it now, and its exit code. */
export async function currentDiff(stem: string): Promise<{ code: number; json: string; stderr: string }> {
  const result = await runCli(diffArgs(stem), REPO);
  return { code: result.code, json: result.stdout, stderr: result.stderr };
}
