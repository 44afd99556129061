/** Parses the three exclusion lists at once, reporting every invalid entry by list and index (§4.2). */
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import type { Issue } from '../../core/issue.ts';
import type { ExclusionEntry, ExclusionListName, ExclusionOptions } from './exclusion-entry.ts';
import { parseExtensionEntry, parseProcessEntry } from './parse-list-entries.ts';
import { parsePathEntry, type EntryParse } from './parse-path-entry.ts';

/** The valid entries (paths, then extensions, then processes) and every issue, warnings included. */
export interface ParsedExclusions {
  readonly entries: readonly ExclusionEntry[];
  readonly issues: readonly Issue[];
}

type Parser = (text: string, index: number, options: ExclusionOptions) => EntryParse<ExclusionEntry>;

const PARSERS: readonly (readonly [ExclusionListName, Parser])[] = [
  ['paths', parsePathEntry],
  ['extensions', (text, index) => parseExtensionEntry(text, index)],
  ['processes', parseProcessEntry],
];

/**
 * Parses every entry of every list. Invalid entries are left out of `entries` and each is reported
 * (never ignored); entries that parse but cannot apply are kept, marked `inactive`, with a warning.
 *
 * @example
 * parseExclusions({ paths: ['*:\\Temp'], extensions: ['log'], processes: [] }).issues[0]?.path; // ['paths', 0]
 */
export function parseExclusions(lists: Partial<ExclusionLists>, options: ExclusionOptions = {}): ParsedExclusions {
  const entries: ExclusionEntry[] = [];
  const issues: Issue[] = [];
  for (const [list, parse] of PARSERS) {
    const texts: readonly unknown[] = lists[list] ?? [];
    texts.forEach((text, index) => {
      if (typeof text !== 'string') {
        issues.push({
          code: 'exclusion_not_text',
          path: [list, index],
          message: `${list}[${index}] is not a string`,
          expected: 'text',
          received: JSON.stringify(text) ?? String(text),
          hint: "quote the entry in YAML, e.g. - 'C:\\Tools\\'",
        });
        return;
      }
      const parsed = parse(text, index, options);
      if (parsed.entry !== undefined) entries.push(parsed.entry);
      append(issues, parsed.issues);
    });
  }
  return { entries, issues };
}

/**
 * True when any issue is an error (not a lint or compatibility warning).
 *
 * @example
 * hasErrors(parseExclusions({ paths: ['*:\\Temp'] }).issues); // true
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity !== 'warning');
}
