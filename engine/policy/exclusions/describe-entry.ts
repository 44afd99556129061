/** Human text for entries and verdicts: the precomputed match reason and the `explain` lines (§4). */
import type { Reason } from '../../core/vocabulary.ts';
import { LIST_LABELS, type ExclusionEntry, type ProcessPattern } from './exclusion-entry.ts';
import type { EntryVerdict } from './entry-verdict.ts';

/**
 * Names an entry by list and 1-based number, or by server role for an automatic exclusion.
 *
 * @example
 * entryName(entry); // 'ExclusionPath entry 2: `C:\\Tools\\`'
 */
export function entryName(entry: ExclusionEntry): string {
  if (entry.role !== undefined) return `automatic ${entry.role} server-role exclusion \`${entry.text}\``;
  return `${LIST_LABELS[entry.list]} entry ${entry.index + 1}: \`${entry.text}\``;
}

function processText(pattern: ProcessPattern): string {
  return pattern.kind === 'image' ? `${pattern.image} from any location` : `processes matching ${pattern.pattern.normalized}`;
}

/** What the entry covers, in a few words: `folder, recursive`, `extension .log`, … */
function entryScope(entry: ExclusionEntry): string {
  if (entry.kind === 'extension') return `extension .${entry.extension}, any folder`;
  if (entry.kind === 'process') return `files opened by ${processText(entry.process)}; real-time protection only`;
  const shape = entry.pattern.shape;
  const base =
    shape === 'file-pattern'
      ? `files directly in the folder matching ${entry.pattern.segments.at(-1)?.text ?? ''}, no subfolders`
      : shape === 'trailing-star-folder'
        ? 'folder, recursive (trailing \\* read as the folder)'
        : shape === 'wildcard-folders'
          ? 'wildcard folders, recursive below the matched folder'
          : /[\\/]$/.test(entry.text.trim())
            ? 'folder, recursive'
            : 'file, or folder and everything below it';
  const restricted = entry.restrictions === undefined ? '' : `; only when ${entry.restrictions.text}`;
  const auto = entry.role === undefined ? '' : '; real-time protection only';
  return `${base}${restricted}${auto}`;
}

const CODES = { paths: 'excluded-by-path', extensions: 'excluded-by-extension', processes: 'excluded-by-process' } as const;

/**
 * The reason attached to a match by this entry, computed once at compile time.
 *
 * @example
 * matchReason(entry).message; // 'excluded by ExclusionPath entry 2: `C:\\Tools\\` (folder, recursive)'
 */
export function matchReason(entry: ExclusionEntry): Reason {
  return {
    layer: 'exclusion',
    code: entry.role === undefined ? CODES[entry.list] : 'excluded-by-server-role',
    message: `excluded by ${entryName(entry)} (${entryScope(entry)})`,
    cite: entry.role === undefined ? '§4.2' : '§4.1',
  };
}

/** Why an entry did or did not apply, as one sentence fragment. */
export function verdictText(verdict: EntryVerdict, entry: ExclusionEntry): string {
  switch (verdict) {
    case 'match':
      return `matches (${entryScope(entry)})`;
    case 'inactive':
      return `never applies: ${entry.inactive ?? ''}`;
    case 'scans-not-covered':
      return 'skipped: applies to real-time protection only, not to scans (§4.1)';
    case 'no-process':
      return 'skipped: no opening process is known';
    case 'scan-trigger':
      return `skipped: ScanTrigger:${entry.kind === 'path' ? (entry.restrictions?.scanTrigger ?? '') : ''} does not cover this trigger`;
    case 'scan-type':
      return `skipped: ScanType:${entry.kind === 'path' ? (entry.restrictions?.scanType ?? '') : ''} applies only to that scan type`;
    case 'path-type':
      return 'skipped: PathType:folder does not apply to a file (§4.4 #42)';
    case 'process-restriction':
      return 'skipped: the opening process does not match the Process restriction';
    case 'pattern':
      if (entry.kind === 'extension') return 'no: the file name does not end with this extension';
      return entry.kind === 'process' ? 'no: the opening process does not match' : 'no: the path does not match';
    case 'reparse-point':
      return 'no: the path is below a reparse point, which a parent folder exclusion does not cover (§4.4 #26)';
  }
}
