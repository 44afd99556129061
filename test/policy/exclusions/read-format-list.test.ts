// PowerShell Format-List reading: properties, wrapped values, collection splitting.
import { describe, expect, it } from 'vitest';
import { readFormatList, splitListValue } from '../../../engine/policy/exclusions/read-format-list.ts';

describe('readFormatList', () => {
  it('should join a value wrapped mid-word under the value column, keeping a space that starts the next line', () => {
    const text = [
      'ExclusionPath : {C:\\Program',
      '                 Files\\A, C:\\Micro',
      '                soft}',
      'Other         : 1',
    ].join('\r\n');
    expect(readFormatList(text)).toEqual([
      { name: 'ExclusionPath', value: '{C:\\Program Files\\A, C:\\Microsoft}', line: 1 },
      { name: 'Other', value: '1', line: 4 },
    ]);
  });

  it('should read an empty value and start a new object after a blank line', () => {
    expect(readFormatList('A :\n\nB : x').map((p) => [p.name, p.value, p.line])).toEqual([
      ['A', '', 1],
      ['B', 'x', 3],
    ]);
  });
});

describe('splitListValue', () => {
  it('should keep commas inside contextual braces and quotes', () => {
    expect(splitListValue('{C:\\a, C:\\b\\:{Process:"x,y.exe",ScanType:quick}, log}')).toEqual([
      'C:\\a',
      'C:\\b\\:{Process:"x,y.exe",ScanType:quick}',
      'log',
    ]);
  });

  it('should read {} as no items', () => {
    expect(splitListValue('{}')).toEqual([]);
  });
});
