// Exclusion lists as a Set-MpPreference script: PowerShell single-quoted literals that no entry can break out of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forPowerShell } from '../../../engine/core/escape.ts';
import { exportSetMpPreference } from '../../../engine/policy/exclusions/index.ts';

const QUOTES = "'\u2018\u2019\u201a\u201b";
const isQuote = (char: string | undefined) => char !== undefined && char.length === 1 && QUOTES.includes(char);

/**
 * Reads one PowerShell single-quoted string starting at `at`, as PowerShell's tokenizer does: any of the
 * five single-quote characters ends it unless another one follows, which stands for one quote.
 */
function readLiteral(text: string, at: number): { value: string; end: number } {
  if (!isQuote(text[at])) throw new Error(`no literal at ${at}`);
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i]!;
    if (!isQuote(char)) value += char;
    else if (isQuote(text[i + 1])) value += text[++i]!;
    else return { value, end: i + 1 };
  }
  throw new Error('unterminated literal');
}

/** The items of `@('a', 'b')` after `-Parameter` on a script line, read as PowerShell reads them. */
function listOf(line: string): string[] {
  const items: string[] = [];
  let at = line.indexOf('@(') + 2;
  for (;;) {
    const { value, end } = readLiteral(line, at);
    items.push(value);
    if (line.slice(end, end + 2) === ', ') at = end + 2;
    else {
      expect(line.slice(end)).toBe(')');
      return items;
    }
  }
}

describe('forPowerShell', () => {
  it('should double every character PowerShell takes for a single quote and expand nothing', () => {
    expect(forPowerShell("C:\\it's")).toBe("'C:\\it''s'");
    expect(forPowerShell('a\u2019; calc; \u2018')).toBe("'a\u2019\u2019; calc; \u2018\u2018'");
    expect(forPowerShell('$(Remove-Item C:\\ -Recurse) `n')).toBe("'$(Remove-Item C:\\ -Recurse) `n'");
  });

  it('should give back exactly the text and end exactly at its own closing quote, whatever the text', () => {
    const hostile = fc.string({ unit: fc.constantFrom(...[...QUOTES], '$', '`', '(', ')', ';', ' ', 'a', '\\', '"', '@') });
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string()), (text) => {
        const literal = forPowerShell(text);
        expect(readLiteral(literal, 0)).toEqual({ value: text, end: literal.length });
      }),
    );
  });
});

describe('exportSetMpPreference', () => {
  const lists = { paths: ['D:\\SQLData', "C:\\it's $(here)"], extensions: ['mdf'], processes: [] };

  it('should write one Set-MpPreference line per non-empty list and a comment for an empty one', () => {
    const { text, issues } = exportSetMpPreference(lists, { title: 'SQL servers' });
    expect(issues).toEqual([]);
    expect(text.split('\r\n')).toEqual([
      '# Microsoft Defender Antivirus exclusions, written by edrsim export SQL servers',
      '# Run in an elevated PowerShell session on the device (§4.1).',
      "$ErrorActionPreference = 'Stop'",
      "Set-MpPreference -ExclusionPath @('D:\\SQLData', 'C:\\it''s $(here)')",
      "Set-MpPreference -ExclusionExtension @('mdf')",
      "# ExclusionProcess: none in the scenario; the device's list is left as it is",
      '',
    ]);
  });

  it('should use Add-MpPreference in add mode', () => {
    expect(exportSetMpPreference(lists, { mode: 'add' }).text).toContain("Add-MpPreference -ExclusionExtension @('mdf')");
  });

  it('should give back every entry exactly when PowerShell reads the script (round trip)', () => {
    const entry = fc
      .string({ unit: fc.constantFrom(...QUOTES, '$', '`', ' ', 'a', '\\', ',', ')', '*', '%') })
      .filter((s) => s !== '');
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (paths) => {
        const line = exportSetMpPreference({ paths, extensions: [], processes: [] }).text.split('\r\n')[3] ?? '';
        expect(line.startsWith('Set-MpPreference -ExclusionPath @(')).toBe(true);
        expect(listOf(line)).toEqual(paths);
      }),
    );
  });

  it('should refuse an entry with a control character and keep a line break in the title out of the code', () => {
    const { text, issues } = exportSetMpPreference(
      { paths: ['C:\\a\nRemove-Item C:\\'], extensions: [], processes: [] },
      { title: 'x\nRemove-Item C:\\' },
    );
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['export_unsafe_entry', ['paths', 0]]]);
    expect(text.split('\r\n').filter((line) => line.includes('Remove-Item'))).toEqual([
      '# Microsoft Defender Antivirus exclusions, written by edrsim export x Remove-Item C:\\',
    ]);
  });
});
