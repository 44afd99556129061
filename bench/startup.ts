/** Start-up of the installed package: `edrsim --version` and `validate` of a small scenario, as multiples of `node -e 0`. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './figure-ids.ts';
import { ratio } from './measure.ts';
import { packAndInstall } from './packed-install.ts';
import type { StartupFigures } from './startup-figures.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** The small scenario validated: one device, one artifact. */
const SMALL_SCENARIO = 'scenarios/01-modes/02-passive-with-block-mode.yaml';
/** Alternating rounds of the three processes; the median of each is kept (2 cores are shared: medians, not means). */
const ROUNDS = 7;

/**
 * Packs this checkout, installs it into a temporary folder (see `packed-install.ts`; the checkout is not
 * written to) and times `node -e 0`, `edrsim --version` and `edrsim validate` of a library scenario there, in turns.
 * Every process must exit 0. About 20-30 s, mostly the pack and install.
 *
 * @example
 * measureStartup().versionRatio; // ≈ 1.3 on a quiet machine; the goal is ≤ 3
 */
export function measureStartup(rounds = ROUNDS): StartupFigures {
  const installed = packAndInstall(REPO);
  try {
    const small = join(REPO, SMALL_SCENARIO);
    const commands = [
      ['-e', '0'],
      [installed.bin, '--version'],
      [installed.bin, 'validate', small],
    ];
    const times: number[][] = commands.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [index, args] of commands.entries()) times[index]?.push(timeProcess(args, installed.folder));
    }
    const [nodeMs = 0, versionMs = 0, validateMs = 0] = times.map(median);
    return { nodeMs, versionMs, validateMs, versionRatio: ratio(versionMs, nodeMs), validateRatio: ratio(validateMs, nodeMs) };
  } finally {
    installed.remove();
  }
}

function timeProcess(args: readonly string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`bench: startup: node ${args.join(' ')} exited ${child.status ?? child.signal}`);
  return ms;
}

/** The bench step: fills `draft.startup`. */
export function startupStep(draft: { startup?: StartupFigures }): { label: string; run: () => string } {
  return {
    label: 'start-up of the installed package',
    run: () => {
      const startup = measureStartup();
      draft.startup = startup;
      return `--version ${startup.versionRatio.toFixed(1)}×, validate ${startup.validateRatio.toFixed(1)}× node -e 0`;
    },
  };
}
