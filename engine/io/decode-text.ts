/** Decodes the bytes of an input file to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is binary. */
import { fail, ok, type Issue, type Result } from '../core/issue.ts';

/** The encodings an input file may use, as the issue for a binary file lists them. */
const TEXT_ENCODINGS = 'UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark';

/**
 * The issue for a binary or mis-encoded file, placed at the first bad character of `text` (the text
 * decoded up to there). It names the file and the position only: a binary file is not quoted, since it
 * may be anything (a key, a database) that the user never meant to show.
 *
 * @example
 * binaryIssue('a\nb', 3, 'x.yaml', 'contains NUL bytes').line; // 2
 */
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
    expected: TEXT_ENCODINGS,
    received: 'binary data',
    hint: 'save the file as UTF-8 text; is this the right file?',
  };
}

const NUL = 'contains NUL bytes: it is a binary file, not text';
const NOT_UTF8 = 'is not valid UTF-8 text';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Decodes file bytes, dropping the byte-order mark. Windows PowerShell 5.1's `>` writes UTF-16 LE with
 * a BOM and `Out-File -Encoding utf8` writes UTF-8 with a BOM, so both are read as text. Without a
 * UTF-16 BOM the bytes must be valid UTF-8; NUL characters (in any encoding) mean a binary file.
 *
 * @example
 * decodeText(new TextEncoder().encode('name: x'), 'a.yaml'); // { ok: true, value: 'name: x' }
 * decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'a.txt'); // { ok: true, value: 'a' }
 */
export function decodeText(bytes: Uint8Array, file: string): Result<string> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), true, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), false, file);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    return fail([binaryIssue(prefix, prefix.length, file, NUL)]);
  }
  try {
    // TextDecoder drops a leading UTF-8 BOM (ignoreBOM defaults to false).
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return fail([binaryIssue(text, Math.max(0, text.indexOf('\uFFFD')), file, NOT_UTF8)]);
  }
}

function decodeUtf16(body: Uint8Array, littleEndian: boolean, file: string): Result<string> {
  if (body.length % 2 !== 0) return fail([binaryIssue('', 0, file, 'is not valid UTF-16 text: it has an odd number of bytes')]);
  // Decoded unit by unit, so big-endian needs no ICU and a lone surrogate is caught where it is.
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const units = new Uint16Array(body.length / 2);
  for (let i = 0; i < units.length; i++) units[i] = view.getUint16(i * 2, littleEndian);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  const text = parts.join('');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail([binaryIssue(text, nul, file, NUL)]);
  const lone = text.search(LONE_SURROGATE);
  if (lone >= 0) return fail([binaryIssue(text, lone, file, 'is not valid UTF-16 text')]);
  return ok(text);
}
