/** Finds what JSON forbids but the YAML parser reading a `.json` file would accept or misread: comments and trailing commas. */
import type { Issue, Path } from '../../core/issue.ts';
import { quote } from '../../core/quote.ts';

/** One place where a `.json` file is not JSON; `offset` is where it starts in the text. */
export interface JsonTextFault {
  readonly kind: 'comment' | 'trailing_comma';
  readonly offset: number;
  /** The source from the fault's start: the comment, or the comma up to its closing bracket. */
  readonly source: string;
}

/** The text with comments blanked out (same length, same lines), and every fault found. */
export interface JsonTextScan {
  readonly text: string;
  readonly faults: JsonTextFault[];
}

const SPACE = ' \t\r\n';
/** What may stand before a comment: a token boundary, so `http://x` in a bare value is not one. */
const BEFORE_COMMENT = ' \t\r\n,[]{}"\'';

/** The offset after the string starting at `from`; a JSON string cannot span lines, so a line end stops it. */
function stringEnd(text: string, from: number): number {
  const mark = text[from];
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') return i;
    if (mark === '"' && char === '\\') i++;
    else if (char === mark) return i + 1;
  }
  return text.length;
}

/** The offset after the comment starting at `from`: the line end, or past the closing star-slash. */
function commentEnd(text: string, from: number): number {
  if (text[from] === '/' && text[from + 1] === '*') {
    const close = text.indexOf('*/', from + 2);
    return close < 0 ? text.length : close + 2;
  }
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/**
 * Scans `text` (a `.json` file) outside strings for `//`, `/* … *\/` and `#` comments, which it blanks
 * out so the parser reads the document the user meant, and for commas right before `]` or `}`, which
 * the YAML parser accepts but JSON (RFC 8259) does not.
 *
 * @example
 * scanJsonText('{ "a": 1, // one\n}').faults.map((fault) => fault.kind); // ['comment', 'trailing_comma']
 */
export function scanJsonText(text: string): JsonTextScan {
  const faults: JsonTextFault[] = [];
  const blanks: [number, number][] = [];
  let comma = -1;
  for (let i = 0; i < text.length;) {
    const char = text[i] as string;
    const opens = char === '#' || (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*'));
    if (char === '"' || char === "'") {
      comma = -1;
      i = stringEnd(text, i);
    } else if (opens && (i === 0 || BEFORE_COMMENT.includes(text[i - 1] as string))) {
      const end = commentEnd(text, i);
      faults.push({ kind: 'comment', offset: i, source: text.slice(i, end).trimEnd() });
      blanks.push([i, end]);
      i = end;
    } else {
      if (char === ',') comma = i;
      else if (!SPACE.includes(char)) {
        if ((char === ']' || char === '}') && comma >= 0)
          faults.push({ kind: 'trailing_comma', offset: comma, source: text.slice(comma, i + 1) });
        comma = -1;
      }
      i++;
    }
  }
  faults.sort((a, b) => a.offset - b.offset);
  if (blanks.length === 0) return { text, faults };
  let blanked = '';
  let from = 0;
  for (const [start, end] of blanks) {
    blanked += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return { text: blanked + text.slice(from), faults };
}

/**
 * The issue for one fault at `path` (where it sits in the document).
 *
 * @example
 * jsonTextIssue({ kind: 'trailing_comma', offset: 8, source: ', ]' }, ['tags']).hint; // 'remove the trailing comma'
 */
export function jsonTextIssue(fault: JsonTextFault, path: Path): Issue {
  if (fault.kind === 'comment') {
    const shown = fault.source.length > 40 ? `${fault.source.slice(0, 40)}…` : fault.source;
    return {
      code: 'json_comment',
      path,
      message: `comment ${quote(shown)} is not allowed: JSON has no comments`,
      expected: 'plain JSON, without comments',
      received: `a ${fault.source.startsWith('#') ? '#' : fault.source.startsWith('/*') ? '/* */' : '//'} comment`,
      hint: 'remove it, or rename the file to .yaml and write it as a # comment: YAML has comments',
    };
  }
  const bracket = fault.source[fault.source.length - 1] ?? ']';
  return {
    code: 'json_trailing_comma',
    path,
    message: `trailing comma before ${bracket}, which JSON does not allow`,
    expected: `a value after every comma, or ${bracket} right after the last value`,
    // What stands between the comma and the bracket is space or a comment, which may hold anything: not shown.
    received: fault.source.slice(1, -1).trim() === '' ? `, ${bracket}` : `, … ${bracket}`,
    hint: 'remove the trailing comma',
  };
}
