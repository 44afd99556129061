/** parseByteSize and formatByteSize: the `--max-file-size` values. */
import { describe, expect, it } from 'vitest';
import { formatByteSize, MAX_FILE_SIZE_LIMIT, parseByteSize } from '../../engine/io/byte-size.ts';

describe('parseByteSize', () => {
  it('should read binary and decimal units and plain bytes', () => {
    const sizes = ['64MiB', '10MB', '1048576', '512 KiB', '2k', '1.5MiB', '1GB', '100_000', '7b'].map((text) =>
      parseByteSize(text),
    );
    expect(sizes.map((size) => (size.ok ? size.value : size.issues))).toEqual([
      67_108_864,
      10_000_000,
      1_048_576,
      524_288,
      2000,
      1_572_864,
      'must be a size from 1 byte to 256MiB, e.g. 64MiB, 10MB or 1048576 (bytes)',
      100_000,
      7,
    ]);
  });

  it('should refuse zero, negative numbers, unknown units, words and sizes above the limit', () => {
    const refused = ['0', '-5', '10 parsecs', 'lots', '', `${MAX_FILE_SIZE_LIMIT + 1}`, '0.1'].map(
      (text) => parseByteSize(text).ok,
    );
    expect(refused).toEqual([false, false, false, false, false, false, false]);
  });

  it('should accept the limit itself', () => {
    expect(parseByteSize('256MiB')).toEqual({ ok: true, value: MAX_FILE_SIZE_LIMIT });
  });
});

describe('formatByteSize', () => {
  it('should show whole MiB and KiB, else bytes', () => {
    expect([64 * 1024 ** 2, 3 * 1024, 1000, 1].map((n) => formatByteSize(n))).toEqual(['64MiB', '3KiB', '1000 bytes', '1 byte']);
  });

  it('should leave out the word for an option value, so that the value parses back', () => {
    expect(parseByteSize(formatByteSize(1000, false))).toEqual({ ok: true, value: 1000 });
  });
});
