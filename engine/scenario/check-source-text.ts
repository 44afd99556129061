/** Refuses text that cannot be a scenario before any parsing: too large, binary, or not UTF-8. */
import { fail, ok, type Issue, type Result } from '../core/issue.ts';

/** Largest scenario text accepted, in characters (4 MB): far above any hand-written file, far below a bomb. */
export const MAX_SOURCE_CHARS = 4_000_000;

/**
 * Issues for text that must not reach the YAML parser: longer than `maxChars` (default
 * {@link MAX_SOURCE_CHARS}), containing NUL characters (a binary file), or containing U+FFFD
 * (bytes that were not valid UTF-8 when the file was decoded). Empty when the text may be parsed.
 *
 * @example
 * checkSourceText('name: x', 'a.yaml'); // []
 * checkSourceText('PK\u0003\u0004\u0000', 'a.yaml')[0]?.code; // 'binary_file'
 */
export function checkSourceText(text: string, file: string, maxChars = MAX_SOURCE_CHARS): Issue[] {
  if (text.length > maxChars) {
    return [
      {
        code: 'too_large',
        path: [],
        file,
        line: 1,
        column: 1,
        message: `file is ${text.length} characters long, more than the ${maxChars} a scenario may have`,
        expected: `at most ${maxChars} characters`,
        received: `${text.length} characters`,
        hint: 'use fleet and generate to describe many devices and artifacts instead of listing them',
      },
    ];
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return [binaryIssue(text, nul, file, 'contains NUL bytes: it is a binary file, not YAML or JSON')];
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) return [binaryIssue(text, replacement, file, 'is not valid UTF-8 text')];
  return [];
}

/** The issue for a binary or mis-encoded file, placed at the first bad character. */
export function binaryIssue(text: string, offset: number, file: string, what: string): Issue {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return {
    code: 'binary_file',
    path: [],
    file,
    line,
    column,
    message: `file ${what}`,
    expected: 'a UTF-8 text file in YAML (.yaml/.yml) or JSON (.json)',
    received: 'binary data',
    hint: 'save the scenario as UTF-8 text; is this the right file?',
  };
}

/**
 * Decodes file bytes as UTF-8 (a leading BOM is dropped), refusing binary content: NUL bytes, or
 * bytes that are not valid UTF-8.
 *
 * @example
 * decodeText(new TextEncoder().encode('name: x'), 'a.yaml'); // { ok: true, value: 'name: x' }
 */
export function decodeText(bytes: Uint8Array, file: string): Result<string> {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    return fail([binaryIssue(prefix, prefix.length, file, 'contains NUL bytes: it is a binary file, not YAML or JSON')]);
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return fail([binaryIssue(text, Math.max(0, text.indexOf('\uFFFD')), file, 'is not valid UTF-8 text')]);
  }
}
