// `edrsim validate --format json|sarif|github|junit`: the same findings as the text output, for machines (issue 14).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../engine/report/validation-report.ts';
import { sarifSchemaErrors } from '../report/sarif-schema.ts';
import { parseXml } from './parse-xml.ts';
import { FIXTURES, runCli } from './run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-validate-format-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
writeFileSync(
  join(scratch, 'temp.yaml'),
  "name: Excludes a temp folder\ndevices: [{ name: ws-01, os: windows-10 }]\nexclusions:\n  paths: ['C:\\Users\\*\\AppData\\Local\\Temp\\']\n",
);

describe('edrsim validate --format json', () => {
  it('should list valid files, a summary that counts files, and every error with its place', async () => {
    const result = await runCli(['validate', 'pass.yaml', 'invalid/bad-duration.yaml', '--format', 'json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as ValidationReport;
    expect(report.valid).toEqual([{ file: 'pass.yaml', name: 'Block mode remediates a missed behaviour' }]);
    expect(report.summary).toEqual({ valid: 1, invalid: 1, errors: 2, warnings: 0 });
    expect(report.errors.map((issue) => `${issue.file}:${issue.line}:${issue.column} ${issue.code}`)).toEqual([
      'invalid/bad-duration.yaml:5:9 bad_duration',
      'invalid/bad-duration.yaml:7:9 bad_duration',
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('should list warnings apart, marked as warnings, and exit 0', async () => {
    const result = await runCli(['validate', 'temp.yaml', '--format', 'json'], scratch);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ValidationReport;
    expect(report.summary).toEqual({ valid: 1, invalid: 0, errors: 0, warnings: 1 });
    expect(report.warnings.map((issue) => [issue.code, issue.severity, issue.line, issue.column])).toEqual([
      ['exclusion_temp_folder', 'warning', 4, 11],
    ]);
  });

  it('should write invisible characters of a hostile file name as \\u escapes', async () => {
    const file = 'a\u202e\u001b.yaml';
    writeFileSync(join(scratch, file), 'name: [unclosed\n');
    const result = await runCli(['validate', file, '--format', 'json'], scratch);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/[\u202e\u001b]/);
    expect((JSON.parse(result.stdout) as ValidationReport).errors[0]?.file).toBe(file);
  });
});

describe('edrsim validate --format sarif', () => {
  it.each([
    ['a valid file', ['pass.yaml'], FIXTURES, 0, []],
    ['a lint warning', ['temp.yaml'], scratch, 0, ['warning exclusion_temp_folder temp.yaml:4']],
    ['invalid input', ['invalid/bad-version.yaml'], FIXTURES, 2, ['error bad_version invalid/bad-version.yaml:5']],
  ] as const)('should write schema-valid SARIF for %s', async (_, files, cwd, code, found) => {
    const result = await runCli(['validate', ...files, '--format', 'sarif'], cwd);
    expect(result.code).toBe(code);
    const log = JSON.parse(result.stdout) as {
      runs: {
        results: {
          level: string;
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(
      log.runs[0]?.results.map((r) => {
        const where = r.locations[0]?.physicalLocation;
        return `${r.level} ${r.ruleId} ${where?.artifactLocation.uri}:${where?.region.startLine}`;
      }),
    ).toEqual(found);
  });

  it('should report no scenario files as a failed invocation, not as a result code scanning would refuse', async () => {
    const result = await runCli(['validate', mkdtempSync(join(scratch, 'none-')), '--format', 'sarif']);
    expect(result.code).toBe(2);
    const log = JSON.parse(result.stdout) as { runs: { results: unknown[]; invocations: unknown[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          expect.objectContaining({ level: 'error', associatedRule: { id: 'no_scenarios', index: 0 } }),
        ],
      },
    ]);
  });

  it('should write schema-valid SARIF for a scenario with hostile keys', async () => {
    writeFileSync(
      join(scratch, 'keys.yaml'),
      'name: x\ndevices: [{ name: ws-01, os: windows-10 }]\n"\\u202e\\"}]%0A::error::": 1\n',
    );
    const result = await runCli(['validate', 'keys.yaml', '--format', 'sarif'], scratch);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/\u202e/);
    expect(sarifSchemaErrors(JSON.parse(result.stdout))).toEqual([]);
  });
});

describe('edrsim validate --format github and junit', () => {
  it('should annotate each problem and warning', async () => {
    const warned = await runCli(['validate', 'temp.yaml', '--format', 'github'], scratch);
    expect(warned.stdout).toMatch(
      /^::warning file=temp\.yaml,line=4,col=11,title=Exclusion covers a temp folder \(exclusion_temp_folder\)::exclusions\.paths\[0\]: /,
    );
    const invalid = await runCli(['validate', 'invalid/bad-version.yaml', '--format', 'github']);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toMatch(
      /^::error file=invalid\/bad-version\.yaml,line=5,col=23,title=Invalid input%3A bad version \(bad_version\)::/,
    );
  });

  it('should write one JUnit error per problem, and an empty suite list for valid files', async () => {
    const invalid = parseXml((await runCli(['validate', 'invalid/bad-duration.yaml', '--format', 'junit'])).stdout);
    expect(invalid.attributes).toMatchObject({ tests: '2', errors: '2' });
    const valid = parseXml((await runCli(['validate', 'pass.yaml', '--format', 'junit'])).stdout);
    expect(valid.attributes).toMatchObject({ tests: '0', errors: '0' });
  });

  it('should keep the text output unchanged by default', async () => {
    expect((await runCli(['validate', 'pass.yaml'])).stdout).toBe(
      '✔ pass.yaml: Block mode remediates a missed behaviour\n1 valid, 0 invalid, 0 warnings\n',
    );
  });
});
