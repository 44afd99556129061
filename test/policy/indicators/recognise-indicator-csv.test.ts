// Recognising the portal's indicator CSV by its header row before any of it is quoted (issue 10, issue 11 #6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recogniseIndicatorCsv } from '../../../engine/policy/indicators/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('recogniseIndicatorCsv', () => {
  it('should recognise the sample CSVs, with a BOM, quoted names, any order and case', () => {
    expect(recogniseIndicatorCsv(fixture('contoso-indicators.csv'))).toBe(true);
    expect(recogniseIndicatorCsv(fixture('bad-rows.csv'))).toBe(true);
    expect(recogniseIndicatorCsv('\ufeff"Action","indicatorvalue","Indicator Type"\r\n')).toBe(true);
    expect(recogniseIndicatorCsv('\n\nIndicatorValue,IndicatorType')).toBe(true);
  });

  it.each([
    ['a .env starting with a quote', '"SECRET=abc\nIndicatorType,IndicatorValue\n'],
    ['/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n'],
    ['a header without IndicatorValue', 'IndicatorType,Action,Title\n'],
    ['an empty file', '  \n'],
  ])('should not recognise %s', (_, text) => {
    expect(recogniseIndicatorCsv(text)).toBe(false);
  });
});
