/** Where `edrsim bench` writes latest.json and latest.svg: `.bench/` by default, the committed folder only when asked. */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed results beside this file (`bench/results/`), quoted by bench/README.md; written only by `--save`. */
export const COMMITTED_RESULTS = fileURLToPath(new URL('./results', import.meta.url));

/** The folder a run writes to unless told otherwise: git-ignored, in the working directory. */
export const DEFAULT_RESULTS = '.bench';

export interface ResultsFolderOptions {
  /** The working directory that relative folders resolve against. */
  readonly cwd: string;
  /** `--save`: write to the committed `bench/results/`. Default false. */
  readonly save?: boolean;
  /** `--out-dir`: wins over `--save` and the default. */
  readonly outDir?: string;
}

/**
 * The folder to write to, and how to name it to the user (relative to `cwd` when inside it).
 * `--out-dir` wins; then `--save` (the committed results); else `.bench/` in `cwd`, so an ordinary
 * run never changes a tracked file.
 *
 * @example
 * resultsFolder({ cwd: '/src/edrsim' }); // { folder: '/src/edrsim/.bench', shownAs: '.bench' }
 */
export function resultsFolder(options: ResultsFolderOptions): { folder: string; shownAs: string } {
  const folder = resolve(options.cwd, options.outDir ?? (options.save === true ? COMMITTED_RESULTS : DEFAULT_RESULTS));
  const inside = relative(options.cwd, folder);
  const shownAs = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : folder;
  return { folder, shownAs };
}
