import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerCell } from '../../../engine/core/artifact-key.ts';
import { lowerHex } from '../../../engine/policy/artifact-key.ts';
import {
  compileIndicators,
  FileIndicatorMemo,
  fileIndicatorMemo,
  lookupFileIndicator,
  lookupOverruledBlock,
  type FileFacts,
  type IndicatorIndex,
} from '../../../engine/policy/indicators/index.ts';
import { fileFacts, indicatorList, VALUES } from './fixtures/indicator-arbitraries.ts';
import { INVOICE, LEAF_CERT, indicators } from './fixtures/make-indicator.ts';

const GROUPS = [undefined, 'A', 'B'] as const;

/**
 * The facts with their lower-cased `key`, as an artifact carries them, or as written (the memo lowers them); a
 * generated artifact's key also has a `place`, which may be shared by other hashes (another generate event's tapes),
 * and a catalog line's `cell`, shared by every index's memo (and here by files with other hashes too).
 */
const keyed = (file: FileFacts, place?: number, cell?: AnswerCell): FileFacts => ({
  ...file,
  key: {
    sha256: file.sha256 === undefined ? undefined : lowerHex(file.sha256),
    sha1: file.sha1 === undefined ? undefined : lowerHex(file.sha1),
    md5: file.md5 === undefined ? undefined : lowerHex(file.md5),
    certificate: file.certificate === undefined ? undefined : lowerHex(file.certificate),
    ...(place === undefined ? {} : { place }),
    ...(cell === undefined ? {} : { cell }),
  },
});

/** No key, a key without a place, or a place: two path parts and two openers, so pool files often share one. */
const placing = fc.constantFrom<'none' | 'key' | number>('none', 'key', 0, 1, 32, 33);

/**
 * No cell, or one of two cells for the file's lower-case facts (`ArtifactKey.cell`: one cell stands for one set of
 * values, and two catalog lines of one identity give two cells for it); in half the runs every keyed file takes its
 * facts' first cell, so files with equal facts share it.
 */
const celling = fc.constantFrom<'none' | 0 | 1>('none', 0, 1);
const oneCell = fc.boolean();
const cellsOf = (): ((key: NonNullable<FileFacts['key']>, alias: 0 | 1) => AnswerCell) => {
  const cells = new Map<string, AnswerCell[]>();
  return (key, alias) => {
    const facts = `${key.sha256}|${key.sha1}|${key.md5}|${key.certificate}`;
    const known = cells.get(facts) ?? [{ indicatorAnswer: undefined }, { indicatorAnswer: undefined }];
    cells.set(facts, known);
    return known[alias]!;
  };
};

/** Four files: drawn alone, or a file and three neighbours that each differ from it in at most one fact. */
const FACTS = {
  sha256: VALUES.FileSha256,
  sha1: VALUES.FileSha1,
  md5: VALUES.FileMd5,
  certificate: VALUES.CertificateThumbprint,
};
const neighbours = fileFacts.chain((base) =>
  fc
    .array(
      fc
        .constantFrom(...(Object.keys(FACTS) as (keyof typeof FACTS)[]))
        .chain((fact) =>
          fc.option(fc.constantFrom(...FACTS[fact]), { nil: undefined }).map((value): FileFacts => ({ ...base, [fact]: value })),
        ),
      { minLength: 3, maxLength: 3 },
    )
    .map((others) => [base, ...others]),
);
const fourFiles = fc.oneof(fc.array(fileFacts, { minLength: 4, maxLength: 4 }), neighbours);

/** Memos of every group over one shared store of `slots` answers, as `fileIndicatorMemo` shares them per index. */
function memosOf(index: IndicatorIndex, slots: number): Map<string | undefined, FileIndicatorMemo> {
  const first = new FileIndicatorMemo(index, undefined, slots);
  return new Map(GROUPS.map((group) => [group, group === undefined ? first : new FileIndicatorMemo(index, group, first)]));
}

// Times around the expiries (1000, 2000) in any order, as ISO text, and unreadable (expiry ignored).
const lookupAt = fc.constantFrom<number | string | undefined>(
  undefined,
  0,
  999,
  1000,
  1001,
  1999,
  2000,
  2500,
  '1970-01-01T00:00:01.500Z',
  'soon',
);
const lookup = fc.record({
  file: fc.nat(3),
  index: fc.nat(1),
  signed: fc.boolean(),
  group: fc.constantFrom(...GROUPS),
  at: lookupAt,
  overruledFirst: fc.boolean(),
  // A number time asked as a base and an offset (the context's start and an artifact's time), or whole (undefined).
  base: fc.constantFrom<number | undefined>(undefined, 0, 700, 1_700_000_000_000),
});
type Lookup = typeof lookup extends fc.Arbitrary<infer T> ? T : never;
/**
 * Lookups as a walk: each changes one part of the one before (file, index, group, signed or time), so a memo that
 * ignored that part would meet a neighbour's answer next.
 */
const lookups = fc
  .tuple(lookup, fc.array(fc.tuple(fc.constantFrom('file', 'index', 'group', 'signed', 'at'), lookup), { maxLength: 39 }))
  .map(([first, changes]) =>
    changes.reduce<Lookup[]>(
      (walk, [part, next]) => {
        walk.push({ ...walk[walk.length - 1]!, [part]: next[part], overruledFirst: next.overruledFirst });
        return walk;
      },
      [first],
    ),
  );

describe('FileIndicatorMemo', () => {
  it('should answer every lookup as the unmemoised lookups do: winner and overruled block, any index, group, time, place, cell and order', () => {
    fc.assert(
      fc.property(
        fc.tuple(indicatorList, indicatorList),
        fourFiles,
        fc.array(fc.tuple(placing, celling), { minLength: 4, maxLength: 4 }),
        oneCell,
        fc.constantFrom(1, 4, 1 << 16),
        lookups,
        (lists, pool, keys, shared, slots, steps) => {
          // Two indexes whose memos meet in the same cells, as two runs' (or a policy change's) memos do.
          const indexes = lists.map((list) => compileIndicators(list));
          const memos = indexes.map((index) => memosOf(index, slots));
          const cellOf = cellsOf();
          const files = pool.map((file, i) => {
            const [place, drawn] = keys[i]!;
            if (place === 'none') return file;
            const plain = keyed(file, place === 'key' ? undefined : place);
            const alias = shared ? 0 : drawn;
            return alias === 'none' ? plain : keyed(file, place === 'key' ? undefined : place, cellOf(plain.key!, alias));
          });
          for (const step of steps) {
            const file = { ...files[step.file]!, microsoftSigned: step.signed };
            const index = indexes[step.index]!;
            const memo = memos[step.index]!.get(step.group)!;
            const winner = lookupFileIndicator(index, file, step.group, step.at);
            const overruled = lookupOverruledBlock(index, file, step.group, step.at);
            const at = step.at;
            const asked: [string | number | undefined, number?] =
              typeof at === 'number' && step.base !== undefined ? [step.base, at - step.base] : [at];
            // Either asked first: each answer fills its winner and overruled block lazily.
            if (step.overruledFirst) expect(memo.overruledBlock(file, ...asked)).toBe(overruled);
            expect(memo.winner(file, ...asked)).toBe(winner);
            expect(memo.overruledBlock(file, ...asked)).toBe(overruled);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  // Each key part alone, in a case that needs it (the law finds these too when a part is dropped).
  const block = indicators(
    { type: 'FileSha256', value: INVOICE.sha256, action: 'Block', groups: ['A'], expirationTime: '2026-03-16T09:00:00Z' },
    { type: 'FileSha1', value: INVOICE.sha1, action: 'Allowed' },
    { type: 'CertificateThumbprint', value: LEAF_CERT, action: 'BlockAndRemediate' },
  );
  const expiry = Date.parse('2026-03-16T09:00:00Z');

  it('should not answer one group with another group’s answer', () => {
    const memos = memosOf(compileIndicators(block), 1);
    expect(memos.get('A')!.winner(INVOICE, expiry - 1)?.indicator.action).toBe('Block');
    expect(memos.get('B')!.winner(INVOICE, expiry - 1)?.indicator.action).toBe('Allowed');
  });

  it('should not answer after an expiry, nor before it, with an answer from the other side', () => {
    const memo = new FileIndicatorMemo(compileIndicators(block), 'A', 1);
    expect(memo.winner(INVOICE, expiry - 1)?.indicator.action).toBe('Block');
    expect(memo.winner(INVOICE, expiry)?.indicator.action).toBe('Allowed');
    expect(memo.winner(INVOICE, expiry - 2)?.indicator.action).toBe('Block');
  });

  it('should tell apart two generate events’ files at one place by their hashes', () => {
    const memo = new FileIndicatorMemo(compileIndicators(block), 'A');
    const other = { ...INVOICE, sha256: 'f'.repeat(64) };
    expect(memo.winner(keyed(INVOICE, 64), expiry - 1)?.indicator.action).toBe('Block');
    expect(memo.winner(keyed(other, 64), expiry - 1)?.indicator.action).toBe('Allowed');
    expect(memo.winner(keyed(INVOICE, 65), expiry - 1)?.indicator.action).toBe('Block');
  });

  it('should keep a line cell’s answer to its own hashes and certificate: a file differing in one of them has its own cell', () => {
    const kinds = ['FileSha256', 'FileSha1', 'FileMd5', 'CertificateThumbprint'] as const;
    const index = compileIndicators(
      indicators(...kinds.map((type) => ({ type, value: VALUES[type][0], action: 'BlockAndRemediate' as const }))),
    );
    const memo = new FileIndicatorMemo(index, undefined);
    (['sha256', 'sha1', 'md5', 'certificate'] as const).forEach((fact, i) => {
      const [blocked, clean] = VALUES[kinds[i]!];
      const [first, second] = [
        keyed({ [fact]: blocked }, 64, { indicatorAnswer: undefined }),
        keyed({ [fact]: clean }, 64, { indicatorAnswer: undefined }),
      ];
      expect(memo.winner(first, 0)?.on).toBeDefined();
      expect(memo.winner(second, 0)).toBeUndefined();
      expect(memo.winner(first, 0)?.on).toBeDefined();
    });
  });

  it('should not answer one index with another index’s answer kept in a shared line cell', () => {
    const cell: AnswerCell = { indicatorAnswer: undefined };
    const file = keyed(INVOICE, 64, cell);
    const blocking = new FileIndicatorMemo(compileIndicators(block), 'A');
    const none = new FileIndicatorMemo(compileIndicators([]), 'A');
    expect(blocking.winner(file, expiry - 1)?.indicator.action).toBe('Block');
    expect(cell.indicatorAnswer).toBeDefined();
    expect(none.winner(file, expiry - 1)).toBeUndefined();
    expect(blocking.winner(file, expiry - 1)?.indicator.action).toBe('Block');
  });

  it('should read each of the index maps once for a file in no list: its winner and overruled block need no second look', () => {
    const index = compileIndicators(block);
    let gets = 0;
    const counted = <V>(map: ReadonlyMap<string, V>): ReadonlyMap<string, V> =>
      new (class extends Map<string, V> {
        override get(key: string): V | undefined {
          gets += 1;
          return super.get(key);
        }
      })(map);
    const watched: IndicatorIndex = {
      ...index,
      sha256: counted(index.sha256),
      sha1: counted(index.sha1),
      md5: counted(index.md5),
      certificate: counted(index.certificate),
    };
    const memo = new FileIndicatorMemo(watched, 'A');
    const stranger = { sha256: 'a'.repeat(64), sha1: 'b'.repeat(40), md5: 'c'.repeat(32), certificate: 'd'.repeat(40) };
    expect(memo.winner(stranger, expiry - 1)).toBeUndefined();
    expect(memo.overruledBlock(stranger, expiry - 1)).toBeUndefined();
    expect(gets).toBe(4);
    // A file in a list still reads the maps again for its winner: the shortcut is for a file in none.
    expect(memo.winner(INVOICE, expiry - 1)?.indicator.action).toBe('Block');
    expect(gets).toBeGreaterThan(4 + 3);
  });

  it('should make no answer of its own for a line cell whose facts are in no list, and still answer it right', () => {
    const index = compileIndicators(block);
    const memo = new FileIndicatorMemo(index, 'A');
    const cells = Array.from({ length: 50 }, (): AnswerCell => ({ indicatorAnswer: undefined }));
    const strangers = cells.map((cell, i) => {
      const file = { sha256: (i * 2654435761 + 1).toString(16).padStart(64, 'e'), microsoftSigned: i % 2 === 0 };
      return keyed(file, 64 + i, cell);
    });
    for (const file of strangers) {
      expect(memo.winner(file, expiry - 1)).toBeUndefined();
      expect(memo.overruledBlock(file, expiry + 1)).toBeUndefined();
    }
    // Fifty lines in no list: one shared answer for each Microsoft-signed value, none in the slot table (before the
    // eleventh pass, fifty answers of 144 B that each outlived two scavenges in a run).
    expect(memo.size).toBe(0);
    expect(new Set(cells.map((cell) => cell.indicatorAnswer)).size).toBe(2);
    // A line in a list still gets an answer of its own, and the shared ones still hold for their lines.
    const listed = keyed(INVOICE, 64, { indicatorAnswer: undefined });
    expect(memo.winner(listed, expiry - 1)?.indicator.action).toBe('Block');
    expect(memo.size).toBe(1);
    for (const file of strangers) expect(memo.winner(file, expiry - 1)).toBe(lookupFileIndicator(index, file, 'A', expiry - 1));
  });

  it('should tell a Microsoft-signed file from an unsigned one with the same certificate (T59)', () => {
    const memo = new FileIndicatorMemo(compileIndicators(block), undefined, 1);
    const file = { ...INVOICE, certificate: LEAF_CERT };
    expect(memo.winner(file, 0)?.on).toBe('certificate');
    expect(memo.winner({ ...file, microsoftSigned: true }, 0)?.on).toBe('sha1');
  });

  it('should tell files apart by certificate when their hashes are equal', () => {
    const memo = new FileIndicatorMemo(compileIndicators(block), undefined, 1);
    expect(memo.winner(INVOICE, 0)?.on).toBe('sha1');
    expect(memo.winner({ ...INVOICE, certificate: LEAF_CERT }, 0)?.on).toBe('certificate');
    expect(memo.overruledBlock(INVOICE, 0)).toBeUndefined();
    expect(memo.overruledBlock({ ...INVOICE, certificate: LEAF_CERT }, 0)?.on).toBe('certificate');
  });

  it('should keep at most its slots of answers, over all groups, however many distinct files it sees', () => {
    const index = compileIndicators(block);
    const memos = memosOf(index, 64);
    for (let i = 0; i < 2000; i++) {
      const file = { sha256: (i * 2654435761).toString(16).padEnd(64, '0'), sha1: INVOICE.sha1 };
      for (const memo of memos.values()) expect(memo.winner(file, i)).toBe(lookupFileIndicator(index, file, memo.group, i));
    }
    expect(memos.get('A')!.size).toBeGreaterThan(0);
    expect(memos.get('A')!.size).toBeLessThanOrEqual(64);
    expect(memos.get('B')!.size).toBe(memos.get('A')!.size);
  });

  it('should share one store per index between groups, and refuse a size that is not a power of two', () => {
    const index = compileIndicators(block);
    const [a, b] = [fileIndicatorMemo(index, 'A'), fileIndicatorMemo(index, 'B')];
    a.winner(INVOICE, 0);
    expect(b.size).toBe(1);
    expect(fileIndicatorMemo(compileIndicators(block), 'A').size).toBe(0);
    expect(() => new FileIndicatorMemo(index, 'A', 48)).toThrow(RangeError);
    const none = compileIndicators([]);
    expect(fileIndicatorMemo(none, 'A').winner(INVOICE, 0)).toBeUndefined();
    expect(fileIndicatorMemo(none, 'B').size).toBe(1);
  });
});
