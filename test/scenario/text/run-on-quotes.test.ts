import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { closeRunOnQuotes, findRunOnQuotes } from '../../../engine/scenario/text/run-on-quotes.ts';

/** The source of each run-on quote in `text` from its opening quote to the `\"` meant as its end. */
const runOns = (text: string) => findRunOnQuotes(parseDocument(text), text).map((run) => text.slice(run.start, run.end + 2));

describe('findRunOnQuotes', () => {
  it('should find a folder whose trailing backslash escapes the closing quote, at the end of a flow item', () => {
    const text = 'paths: ["C:\\Users\\bob\\Tools\\"]\n';
    const [run] = findRunOnQuotes(parseDocument(text), text);
    expect(text.slice(run!.start, run!.end + 2)).toBe('"C:\\Users\\bob\\Tools\\"');
    // What YAML read: the string swallowed the `"]` meant to end it and the list.
    expect(run!.value).toBe('C:\\Users\\bob\\Tools"]');
  });

  it('should find one at the end of a line, and for %VARIABLE% and UNC paths', () => {
    expect(runOns('path: "C:\\Tools\\"\nname: x\n')).toEqual(['"C:\\Tools\\"']);
    expect(runOns('a: ["%ProgramData%\\App\\", x]\n')).toEqual(['"%ProgramData%\\App\\"']);
    expect(runOns('a: { p: "\\\\server\\share\\" }\n')).toEqual(['"\\\\server\\share\\"']);
  });

  it('should find nothing in a folder with its backslashes doubled, or an escaped quote that is not at an item end', () => {
    expect(runOns('paths: ["C:\\\\Tools\\\\"]\n')).toEqual([]);
    expect(runOns('name: "C:\\a\\"b"\n')).toEqual([]);
  });

  it('should find nothing in text that is not a Windows path, though it holds \\" before a comma', () => {
    expect(runOns('name: "say \\" , then"\n')).toEqual([]);
  });

  it('should leave a valid string alone that starts like a path and quotes something before a \\" and a comma', () => {
    const text = 'name: "C:\\\\dir \\"x\\", y"\n';
    expect(parseDocument(text).toJS()).toEqual({ name: 'C:\\dir "x", y' });
    expect(runOns(text)).toEqual([]);
  });
});

describe('closeRunOnQuotes', () => {
  it('should close the quote at the backslash and keep the length, so positions stay as written', () => {
    const text = 'paths: ["C:\\Tools\\", "D:\\x"]\n';
    const closed = closeRunOnQuotes(text, findRunOnQuotes(parseDocument(text), text));
    expect(closed).toBe('paths: ["C:\\Tools" , "D:\\x"]\n');
    expect(closed).toHaveLength(text.length);
  });

  it('should leave text without run-on quotes as it is', () => {
    expect(closeRunOnQuotes('name: x', [])).toBe('name: x');
  });
});
