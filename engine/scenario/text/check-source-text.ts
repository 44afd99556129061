/** Refuses text that cannot be a scenario before any parsing: too long, binary, or not UTF-8 (bytes are decoded by engine/io). */
import type { Issue } from '../../core/issue.ts';
import { binaryIssue } from '../../io/decode-text.ts';

/**
 * Largest scenario text accepted, in characters (4 MB): far above any hand-written file, far below a bomb.
 * A content rule of scenarios only; every file's size in bytes is capped first, while it is read
 * (`--max-file-size`, engine/io/read-input.ts).
 */
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
