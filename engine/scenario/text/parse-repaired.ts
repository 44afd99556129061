/** Parses scenario text after repairing the mistakes that have their own issue, so the parser reads what the user meant. */
import { append } from '../../core/append.ts';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { closeRunOnQuotes, findRunOnQuotes, type RunOnQuote } from './run-on-quotes.ts';
import { scanJsonText, type JsonTextFault } from './scan-json-text.ts';

/** Parses tried at most: each closed run-on quote can reveal the next one, which the run-on had swallowed. */
const MAX_PARSES = 20;

/** The document of the repaired text, with what was repaired; offsets are the same as in the original text. */
export interface RepairedParse {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** Double-quoted Windows folders whose `\"` was closed as `"` (see {@link findRunOnQuotes}). */
  readonly runOns: readonly RunOnQuote[];
  /** Comments (blanked out) and trailing commas of a `.json` file. */
  readonly jsonFaults: readonly JsonTextFault[];
}

function parse(text: string, format: 'yaml' | 'json'): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: format === 'json' ? 'json' : 'core',
    merge: format === 'yaml',
    stringKeys: true,
    uniqueKeys: true,
    prettyErrors: false,
  });
  return { doc, lineCounter };
}

/**
 * Parses `text` as YAML 1.2 (core schema, merge keys on) or JSON (the YAML parser's JSON schema). First
 * blanks out the comments of a `.json` file, then closes every double-quoted Windows folder whose
 * trailing `\"` escaped its closing quote, parsing again until none is left (at most {@link MAX_PARSES}
 * times), so the parser's errors are only those of other faults. Every repair keeps the text's length.
 *
 * @example
 * parseRepaired('paths: ["C:\\Tools\\"]', 'yaml').doc.toJS(); // { paths: ['C:\\Tools'] } (the quote closed)
 */
export function parseRepaired(text: string, format: 'yaml' | 'json'): RepairedParse {
  const runOns: RunOnQuote[] = [];
  for (let parses = 1; ; parses++) {
    const closed = closeRunOnQuotes(text, runOns);
    const scan = format === 'json' ? scanJsonText(closed) : { text: closed, faults: [] };
    const parsed = parse(scan.text, format);
    const found =
      parses < MAX_PARSES
        ? findRunOnQuotes(parsed.doc, scan.text).filter((run) => !runOns.some((seen) => seen.end === run.end))
        : [];
    if (found.length === 0) return { ...parsed, runOns, jsonFaults: scan.faults };
    append(runOns, found);
  }
}
