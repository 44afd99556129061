/** decodeText: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, everything else refused as binary without quoting it. */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../engine/io/decode-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
};
const SAMPLE = 'ExclusionPath : {C:\\Tools\\}\r\nExclusionExtension : {.log}\r\nname: café ✓ 𝄞';

describe('decodeText', () => {
  it('should read UTF-8 without a byte-order mark', () => {
    expect(decodeText(utf8(SAMPLE), 'a.txt')).toEqual({ ok: true, value: SAMPLE });
  });

  it('should drop the UTF-8 byte-order mark that Out-File -Encoding utf8 writes', () => {
    expect(decodeText(utf8(`\uFEFF${SAMPLE}`), 'a.txt')).toEqual({ ok: true, value: SAMPLE });
  });

  it("should read UTF-16 LE with a byte-order mark, as Windows PowerShell 5.1's > writes it", () => {
    expect(decodeText(utf16(SAMPLE, true), 'a.txt')).toEqual({ ok: true, value: SAMPLE });
  });

  it('should read UTF-16 BE with a byte-order mark', () => {
    expect(decodeText(utf16(SAMPLE, false), 'a.txt')).toEqual({ ok: true, value: SAMPLE });
  });

  it('should read a large UTF-16 file (decoded in slices, no argument-count overflow)', () => {
    const big = 'x'.repeat(300_000);
    expect(decodeText(utf16(big, true), 'a.txt')).toEqual({ ok: true, value: big });
  });

  it('should refuse NUL bytes without a UTF-16 byte-order mark, placed, quoting nothing', () => {
    const result = decodeText(utf8('secret=hunter2\nkey\u0000\u0001'), 'k.bin');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ code: 'binary_file', file: 'k.bin', line: 2, column: 4 })]);
    expect(JSON.stringify(result.issues)).not.toContain('hunter2');
  });

  it('should refuse bytes that are not UTF-8 (Latin-1) at the first bad byte', () => {
    const result = decodeText(new Uint8Array([...utf8('name: caf'), 0xe9, 0x0a]), 'l.yaml');
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({ code: 'binary_file', line: 1, column: 10, message: 'file is not valid UTF-8 text' }),
    ]);
  });

  it('should refuse UTF-16 that holds NUL characters, an odd byte count or a lone surrogate', () => {
    const codes = [utf16('a\u0000b', true), utf16('ab', true).subarray(0, 5), utf16('a\uD800b', false)].map((bytes) => {
      const result = decodeText(bytes, 'x.txt');
      return result.ok ? 'ok' : result.issues.map((issue) => issue.message).join();
    });
    expect(codes).toEqual([
      'file contains NUL bytes: it is a binary file, not text',
      'file is not valid UTF-16 text: it has an odd number of bytes',
      'file is not valid UTF-16 text',
    ]);
  });

  it('should read an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0), 'e.txt')).toEqual({ ok: true, value: '' });
  });
});
