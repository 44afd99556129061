/** `--compare old.json`: an earlier results file read and checked, and each figure id's ratio of new to old. */
import { fail, ok, type Issue, type Result } from '../engine/core/issue.ts';
import { forTerminal } from '../engine/core/escape.ts';
import { readInput } from '../engine/io/read-input.ts';
import { renderTable } from '../engine/report/table.ts';
import { BenchDocSchema, type BenchDoc } from './bench-doc-schema.ts';
import type { BenchResult, FigureComparison } from './bench-result.ts';
import { figuresOf } from './figure-ids.ts';

/** Largest results file `--compare` reads: a `latest.json` is about 20 KB; the cap bounds a hostile one. */
export const MAX_RESULTS_FILE = 4 * 1024 * 1024;

function refused(file: string, message: string, hint: string): Result<BenchDoc> {
  const issue: Issue = {
    code: 'bad_compare_file',
    path: ['--compare'],
    file,
    message: `--compare ${forTerminal(file)}: ${message}`,
    hint,
  };
  return fail([issue]);
}

// A prefix of valid JSON fails only at its end ("Unexpected end", or "at position <its length>"); once a prefix fails otherwise, every longer
// one does too. So the first offending character is found by bisection (JSON.parse gives no position on
// Node 20), and named by line and column.
function whereInText(text: string): string {
  const validPrefix = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      const at = /at position (\d+)/.exec(message);
      return /end of JSON input/i.test(message) || (at !== null && Number(at[1]) >= length);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (validPrefix(mid)) low = mid;
    else high = mid - 1;
  }
  const before = text.slice(0, low);
  return ` at line ${before.split('\n').length}, column ${low - before.lastIndexOf('\n')}`;
}

/**
 * Reads an earlier results file through the engine's one reader (size cap {@link MAX_RESULTS_FILE}),
 * parses it and checks its shape. Any version of `latest.json` is accepted; a file that is not one is one
 * issue naming the file, what is wrong and where.
 *
 * @example
 * const old = readResultsFile('bench/results/before-issue-13.json');
 * if (old.ok) compareResults(old.value, result); // one row per figure id
 */
export function readResultsFile(file: string): Result<BenchDoc> {
  const read = readInput(file, { maxFileSize: MAX_RESULTS_FILE });
  if (!read.ok) {
    const issue = read.issues[0];
    return refused(
      file,
      issue?.message ?? 'cannot be read',
      issue?.hint ?? 'name a results file written by edrsim bench (latest.json)',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(read.value.text);
  } catch (error) {
    return refused(
      file,
      `is not JSON${whereInText(read.value.text)}`,
      'name a results file written by edrsim bench (latest.json)',
    );
  }
  const parsed = BenchDocSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined || first.path.length === 0 ? 'the document' : first.path.map(String).join('.');
    return refused(
      file,
      `is not a bench results file: ${forTerminal(where)}: ${forTerminal(first?.message ?? 'unexpected shape')}`,
      'name a results file written by edrsim bench --format json or its latest.json',
    );
  }
  return ok(parsed.data);
}

// The file's value of each id: medians when it has repeats, else the single run's values.
function valuesOf(doc: BenchDoc): Map<string, { label: string; unit: string; better: 'higher' | 'lower'; value: number }> {
  const measured = doc.repeats?.measurements ?? [];
  if (measured.length > 0) return new Map(measured.map((m) => [m.id, { ...m, value: m.median }]));
  return new Map(figuresOf(doc).map((figure) => [figure.id, figure]));
}

/**
 * Each figure id of either side with its old and new value and `ratio` = new / old (median vs median, or
 * value vs value for files without repeats); a figure on one side only has no ratio. New ids first, in
 * their order, then ids only the old file has.
 *
 * @example
 * compareResults(old, result).find((row) => row.id === 'pipeline.p')?.ratio; // 1.8: P got 1.8× faster
 */
export function compareResults(old: BenchDoc, now: BenchDoc): FigureComparison[] {
  const before = valuesOf(old);
  const after = valuesOf(now);
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  return ids.map((id) => {
    const a = before.get(id);
    const b = after.get(id);
    const about = (b ?? a) as NonNullable<typeof a>;
    const ratio = a !== undefined && b !== undefined && a.value !== 0 ? b.value / a.value : undefined;
    return {
      id,
      label: about.label,
      unit: about.unit,
      better: about.better,
      ...(a === undefined ? {} : { old: a.value }),
      ...(b === undefined ? {} : { new: b.value }),
      ...(ratio === undefined ? {} : { ratio }),
    };
  });
}

/** A change smaller than this is not called better or worse: runs on this machine vary more than that. */
const SAME = 0.05;

const show = (value: number | undefined): string =>
  value === undefined ? '—' : Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);

/**
 * The comparison as a text table: id, old, new, new / old, and whether that is better, worse, within 5 % or missing.
 * Under the heading, a line when `old` (the compared file) ran on another CPU than `result`, or does not name its CPU:
 * then its ratios measure the machines too (issue 13, fourteenth pass: a new host read every figure about 2× faster).
 */
export function renderComparison(
  rows: readonly FigureComparison[],
  oldFile: string,
  result: Pick<BenchResult, 'repeats' | 'cpuModel'>,
  old: Pick<BenchDoc, 'cpuModel'> = {},
): string {
  const body = rows.map((row) => {
    const verdict =
      row.ratio === undefined
        ? row.old === undefined
          ? 'new figure (not in the old file)'
          : row.new === undefined
            ? 'missing in this run'
            : 'old value 0'
        : Math.abs(row.ratio - 1) < SAME
          ? 'within 5 %'
          : (row.better === 'higher') === row.ratio > 1
            ? 'better'
            : 'worse';
    return [
      row.id,
      `${show(row.old)}`,
      `${show(row.new)}`,
      row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`,
      row.unit,
      verdict,
    ];
  });
  const basis = result.repeats.count > 1 ? `medians of ${result.repeats.count} runs` : 'one run';
  return [
    `compared with ${forTerminal(oldFile)} (this run: ${basis}; ratio = new / old; compare on one machine in one sitting)`,
    ...machines(oldFile, old.cpuModel, result.cpuModel),
    renderTable(['id', 'old', 'new', 'new / old', 'unit', ''], body),
    '',
  ].join('\n');
}

/** The line `renderComparison` adds when the two files' CPUs differ or the old one's is not named; none when they match. */
function machines(oldFile: string, before: string | undefined, now: string | undefined): string[] {
  const file = forTerminal(oldFile);
  if (before === undefined)
    return [
      `${file} does not name its CPU (results before 2026-12-06's fourteenth pass do not): its ratios are the code's only if it ran on this machine`,
    ];
  if (now === undefined || before === now) return [];
  return [
    `${file} ran on ${forTerminal(before)}, this run on ${forTerminal(now)}: its ratios compare the machines as well as the code`,
  ];
}
