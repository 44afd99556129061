// Cites in terminal text as numbered footnotes: numbered in order of first use, escaped, never dropped (issue 14).
import { describe, expect, it } from 'vitest';
import { CiteNotes } from '../../engine/report/cite-notes.ts';

describe('CiteNotes', () => {
  it('should number cites in order of first use, each once, and list them with titles and links', () => {
    const notes = new CiteNotes();
    expect([notes.ref('§3.8'), notes.ref('T33'), notes.ref(' §3.8 '), notes.ref(undefined), notes.ref('')]).toEqual([
      '§3.8 [1]',
      'T33 [2]',
      '§3.8 [1]',
      '',
      '',
    ]);
    const lines = notes.lines();
    expect(lines[0]).toBe('[1] §3.8 Interplay with exclusions and indicators');
    expect(lines[1]).toBe(
      '    Endpoint detection and response in block mode — https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode',
    );
    expect(lines).toContain('[2] T33 (§8.3 EDR-BM verdicts with exclusions and indicators)');
  });

  it('should give a stored reason line ending in (CITE) its footnote, and leave other parentheses alone', () => {
    const notes = new CiteNotes();
    expect(notes.refTrailing('[edr-block-mode] honoured the exclusion (§3.8)')).toBe(
      '[edr-block-mode] honoured the exclusion (§3.8 [1])',
    );
    expect(notes.refTrailing('[mdav] clean (not a cite)')).toBe('[mdav] clean (not a cite)');
    expect(notes.refTrailing('no parentheses')).toBe('no parentheses');
    expect(notes.empty).toBe(false);
  });

  it('should list a cite the registry does not know, escaped, and print an inference without a link', () => {
    const notes = new CiteNotes();
    notes.ref('§99\u202e\u001b[2J');
    notes.ref('[inference]');
    const lines = notes.lines();
    expect(lines[0]).toBe('[1] §99\\u202e\\u001b[2J: not in the citation registry');
    expect(lines).toContain('    [inference] the domain reference fills a gap the documentation leaves');
    expect(lines.join('\n')).not.toMatch(/[\u001b\u202e]/);
  });

  it('should cap a footnote at three sources and say how many more the JSON has', () => {
    const notes = new CiteNotes();
    notes.ref('§1');
    expect(notes.lines().at(-1)).toMatch(/^ {4}… and \d+ more sources$/);
  });
});
