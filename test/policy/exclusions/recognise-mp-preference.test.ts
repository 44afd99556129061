// Recognising Get-MpPreference output before any of it is read or quoted (issue 10, issue 11 #6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recogniseMpPreference } from '../../../engine/policy/exclusions/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('recogniseMpPreference', () => {
  it.each([
    ['mppref-admin.txt', 'text'],
    ['mppref-nonadmin.txt', 'text'],
    ['mppref-truncated.txt', 'text'],
    ['mppref.json', 'json'],
    ['mppref-single.json', 'json'],
    ['mppref-nonadmin.json', 'json'],
  ])('should recognise the export %s as %s', (name, kind) => {
    expect(recogniseMpPreference(fixture(name))).toBe(kind);
  });

  it('should recognise JSON that names an exclusion key even when it does not parse, so the parse error can be placed', () => {
    expect(recogniseMpPreference('{ "ExclusionPath": [1,] }')).toBe('json');
  });

  it.each([
    ['a .env starting with a quote', '"SECRET=abc\nDB_PASS=hunter2\n'],
    ['/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n'],
    ['a scenario', 'name: demo\ndevices: [{ name: ws-01, os: windows-11 }]\n'],
    ['JSON without an exclusion key', '{ "DisableRealtimeMonitoring": false }'],
    ['JSON naming ExclusionPath only in a value', '{ "note": "ExclusionPath" }'],
    ['Format-List text of other properties', 'DisableRealtimeMonitoring : False\nMAPSReporting : 2\n'],
    ['an empty file', ''],
  ])('should not recognise %s', (_, text) => {
    expect(recogniseMpPreference(text)).toBeUndefined();
  });
});
