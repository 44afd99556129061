/** `--import-root` and `--max-file-size`: the options of every command that reads files, and what they resolve to. */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Issue, Result } from '../core/issue.ts';
import { DEFAULT_MAX_FILE_SIZE, formatByteSize, isFolder, parseByteSize } from '../io/index.ts';
import type { Io } from './io.ts';

/** How a command reads its input files: what `loadAll` and the single-file readers take. */
export interface InputLimits {
  /** Absolute folder that `from:` imports must stay in (besides the scenario's folder). */
  readonly importRoot: string;
  /** The most bytes read from one file. */
  readonly maxFileSize: number;
}

/** The flags as commander hands them over. */
export interface InputFlags {
  readonly importRoot?: string;
  readonly maxFileSize?: number;
}

const size = (text: string): number => {
  const parsed = parseByteSize(text);
  if (!parsed.ok) throw new InvalidArgumentError(`--max-file-size ${parsed.issues}`);
  return parsed.value;
};

/**
 * `--import-root DIR`, for every command that reads scenarios.
 *
 * @example
 * program.command('validate').addOption(importRootOption()).addOption(maxFileSizeOption());
 */
export function importRootOption(): Option {
  return new Option(
    '--import-root <dir>',
    "the folder from: imports must stay in, besides each scenario's own folder (default: the working folder)",
  );
}

/** `--max-file-size SIZE`, for every command that reads files. A bad size is a usage error (exit 2). */
export function maxFileSizeOption(): Option {
  return new Option(
    '--max-file-size <size>',
    `the most read from one file, e.g. 10MB, 64MiB (default ${formatByteSize(DEFAULT_MAX_FILE_SIZE)})`,
  ).argParser(size);
}

/**
 * The limits the flags ask for, defaults applied: the import root is the working folder unless given,
 * and must be an existing folder.
 *
 * @example
 * inputLimits({}, io); // { ok: true, value: { importRoot: io.cwd, maxFileSize: 67108864 } }
 */
export function inputLimits(flags: InputFlags, io: Io): Result<InputLimits> {
  const importRoot = resolve(io.cwd, flags.importRoot ?? '.');
  if (!isFolder(importRoot)) {
    const issue: Issue = {
      code: 'bad_import_root',
      path: ['--import-root'],
      message: `${flags.importRoot ?? importRoot} is not a folder`,
      hint: 'give --import-root an existing folder',
    };
    return { ok: false, issues: [issue] };
  }
  return { ok: true, value: { importRoot, maxFileSize: flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE } };
}

/**
 * A commander argument parser for a whole number from 0 to `max` (`--generate`, `--seed`): digits only, so
 * `1e9`, `-1` and `0x10` are refused with the option's name and its range.
 *
 * @example
 * new Option('--generate <n>').argParser(wholeNumber('--generate', 10_000_000));
 */
export function wholeNumber(name: string, max: number): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text) || Number(text) > max)
      throw new InvalidArgumentError(`${name} takes a whole number from 0 to ${max}`);
    return Number(text);
  };
}
