import { describe, expect, it } from 'vitest';
import type { ExclusionLists } from '../../../engine/core/config.ts';
import { fail, ok, type Issue, type Result } from '../../../engine/core/issue.ts';
import type { LoadOptions } from '../../../engine/scenario/index.ts';
import { MAX_EXCLUSION_ENTRIES } from '../../../engine/scenario/build/resolve-imports.ts';
import { loaded, MINIMAL, problems, yaml } from '../scenario-text.ts';

const files: Record<string, string> = {
  'mppref.json': '{ "ExclusionPath": ["C:\\\\Tools\\\\"], "ExclusionExtension": ["log"] }',
  'bad-mppref.txt': 'ExclusionPath : {C:\\Tools\\\nExclusionExtension : {',
  'indicators.csv': 'IndicatorType,IndicatorValue,Action\nFileSha256,abc,Allowed\nUrl,x,Explode\n',
};

const readFile = (relativePath: string): Result<string> => {
  const text = files[relativePath];
  return text === undefined
    ? fail([{ code: 'read_failed', path: [], file: `scenarios/${relativePath}`, message: 'file not found' }])
    : ok(text);
};

// Stand-ins for policy/'s importers: enough structure to see what the loader does with their answers.
const importMpPreference = (text: string): Result<ExclusionLists> => {
  if (!text.startsWith('{'))
    return fail([{ code: 'bad_mppref', path: [], line: 2, column: 22, message: 'ExclusionExtension list is not closed' }]);
  const parsed = JSON.parse(text) as { ExclusionPath?: string[]; ExclusionExtension?: string[] };
  return ok({ paths: parsed.ExclusionPath ?? [], extensions: parsed.ExclusionExtension ?? [], processes: [] });
};

const importIndicatorCsv = (text: string) => {
  const rows = text.trim().split('\n').slice(1);
  const issues: Issue[] = [];
  const indicators = rows.flatMap((row, index) => {
    const [type, value, action] = row.split(',');
    if (action === 'Explode') {
      issues.push({
        code: 'bad_action',
        path: [index, 'Action'],
        line: index + 2,
        column: 1 + `${type},${value},`.length,
        message: `action "${action}" is not an indicator action`,
      });
      return [];
    }
    return [{ type, value, action }];
  });
  return { indicators, issues };
};

const options: LoadOptions = { readFile, importMpPreference, importIndicatorCsv, validateIndicators: () => [] };

describe('{ from: file } imports', () => {
  it('should import exclusions through the injected reader and importer', () => {
    expect(loaded(yaml(MINIMAL, 'exclusions: { from: mppref.json }'), options).exclusions).toEqual({
      paths: ['C:\\Tools\\'],
      extensions: ['log'],
      processes: [],
    });
  });

  it('should validate imported exclusions with the injected validator', () => {
    const validateExclusions = (lists: ExclusionLists) =>
      lists.extensions.map((entry, index): Issue => ({
        code: 'dotless',
        path: ['exclusions', 'extensions', index],
        message: `extension "${entry}" has no dot`,
      }));
    expect(
      problems(yaml(MINIMAL, 'exclusions: { from: mppref.json }'), { ...options, validateExclusions }),
    ).toMatchInlineSnapshot(`"✖ demo.yaml:6:13 exclusions.extensions[0]: extension "log" has no dot"`);
  });

  it('should keep the imported file, line and column of the importer issues', () => {
    const text = yaml(MINIMAL, 'exclusions: { from: bad-mppref.txt }', 'indicators: { from: indicators.csv }');
    expect(problems(text, options, 'scenarios/demo.yaml')).toMatchInlineSnapshot(`
      "✖ scenarios/bad-mppref.txt:2:22 (root): ExclusionExtension list is not closed
      ✖ scenarios/indicators.csv:3:7 [1].Action: action "Explode" is not an indicator action"
    `);
  });

  it('should report a file the reader cannot find, and imports without a reader or importer', () => {
    expect(problems(yaml(MINIMAL, 'exclusions: { from: missing.json }'), options)).toMatchInlineSnapshot(`
      "✖ demo.yaml:6:21 exclusions.from: cannot import exclusions from "missing.json": file not found
        received: scenarios/missing.json
        hint: the path is relative to the scenario file"
    `);
    expect(problems(yaml(MINIMAL, 'exclusions: { from: mppref.json }', 'indicators: { from: indicators.csv }'), {}))
      .toMatchInlineSnapshot(`
      "✖ demo.yaml:6:21 exclusions.from: cannot import exclusions from "mppref.json": no importer was given
      ✖ demo.yaml:7:21 indicators.from: cannot import indicators from "indicators.csv": no importer was given"
    `);
  });

  it('should hand inline indicators to the injected validator at their path', () => {
    const validateIndicators = (raw: unknown): Issue[] =>
      (raw as { value: string }[]).flatMap((indicator, index) =>
        indicator.value.length === 64
          ? []
          : [
              {
                code: 'bad_sha256',
                path: ['indicators', index, 'value'],
                message: `value "${indicator.value}" is not a SHA-256`,
              },
            ],
      );
    const text = yaml(
      MINIMAL,
      'indicators:',
      '  - { type: FileSha256, value: abc, action: Block, anything: the validator decides }',
    );
    expect(problems(text, { validateIndicators })).toMatchInlineSnapshot(
      `"✖ demo.yaml:7:32 indicators[0].value: value "abc" is not a SHA-256"`,
    );
  });

  it('should check indicator shape itself when no validator is injected', () => {
    const text = yaml(MINIMAL, 'indicators:', '  - { type: FileSha265, value: abc, action: Allow, groups: [Servers] }');
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:7:13 indicators[0].type: type "FileSha265" is not an allowed value
        expected: FileSha1 | FileSha256 | FileMd5 | CertificateThumbprint | IpAddress | DomainName | Url
        received: "FileSha265"
        hint: did you mean "FileSha256"?
      ✖ demo.yaml:7:45 indicators[0].action: action "Allow" is not an allowed value
        expected: Allowed | Audit | Warn | Block | BlockAndRemediate | Alert | AlertAndBlock
        received: "Allow"
        hint: did you mean "Allowed"?
      ✖ demo.yaml:7:61 indicators[0].groups[0]: group "Servers" is not defined
        expected: a group name from tenant.deviceGroups
        received: "Servers""
    `);
  });

  it('should accept indicator groups that tenant.deviceGroups defines (§5.3)', () => {
    const text = yaml(
      MINIMAL,
      'tenant:',
      '  deviceGroups: [{ name: Servers, rank: 1, match: { os: [server-2019] } }]',
      'indicators:',
      '  - { type: FileSha256, value: abc, action: Allowed, groups: [Servers] }',
    );
    expect(loaded(text).indicators).toEqual([{ type: 'FileSha256', value: 'abc', action: 'Allowed', groups: ['Servers'] }]);
  });
});

describe('the exclusion entries one scenario may hold (issue 10: memory bounded before V8 runs out)', () => {
  // Stand-in importer: `n` entries, whatever the file says, so the test costs no parsing.
  const many = (count: number): LoadOptions => ({
    readFile: () => ok('big'),
    importMpPreference: () =>
      ok({ paths: Array.from({ length: count }, (_, i) => `C:\\D${i}\\`), extensions: [], processes: [] }),
  });
  const twoImports = yaml(
    MINIMAL,
    'exclusions: { from: a.json }',
    'timeline:',
    '  - at: 1m',
    '    change: { exclusions: { from: b.json } }',
  );

  it('should load lists that together hold exactly MAX_EXCLUSION_ENTRIES', () => {
    expect(loaded(twoImports, many(MAX_EXCLUSION_ENTRIES / 2)).exclusions.paths).toHaveLength(MAX_EXCLUSION_ENTRIES / 2);
  });

  it('should refuse, at the import that passes the limit, a scenario whose lists hold more', () => {
    const shown = problems(twoImports, many(MAX_EXCLUSION_ENTRIES / 2 + 1));
    expect(shown).toContain('demo.yaml:9:35 timeline[0].change.exclusions.from: the scenario holds 500002 exclusion entries');
    expect(shown.split('\n').filter((line) => line.startsWith('✖'))).toHaveLength(1);
  });
});
