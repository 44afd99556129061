// renderSarif: the SARIF 2.1.0 log of any command's rules and findings, checked against the official schema.
import { describe, expect, it } from 'vitest';
import type { SarifFinding, SarifInput, SarifOptions } from '../../engine/report/sarif-input.ts';
import { FINGERPRINT_KEY, SARIF_SCHEMA, renderSarif } from '../../engine/report/sarif-report.ts';
import { expectationRule, issueRule } from '../../engine/report/sarif-rules.ts';
import { SARIF_JSON_SCHEMA, sarifSchemaErrors } from './sarif-schema.ts';

interface Log {
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; helpUri?: string; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: {
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function render(findings: readonly SarifFinding[], options: SarifOptions = {}, input: Partial<SarifInput> = {}) {
  const chunks: string[] = [];
  renderSarif(
    {
      version: '9.9.9',
      rules: [issueRule('unknown_key'), issueRule('exclusion_temp_folder', 'warning'), expectationRule('artifact')],
      results: (emit) => findings.forEach(emit),
      ...input,
    },
    (chunk) => void chunks.push(chunk),
    options,
  );
  const text = chunks.join('');
  return { text, chunks, log: JSON.parse(text) as Log };
}

const at = (line: number, message = 'unknown key "nmae"'): SarifFinding => ({
  ruleId: 'unknown_key',
  message,
  location: { file: 'policies/a.yaml', line, column: 3 },
});

describe('renderSarif', () => {
  it('should write a log that the official SARIF 2.1.0 schema accepts, naming that schema', () => {
    const { log } = render([at(4), { ruleId: 'expect.artifact', message: 'artifact a1: outcome missed — got blocked' }]);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(SARIF_SCHEMA).toBe(SARIF_JSON_SCHEMA.id);
  });

  it('should fail the schema check on a broken log, so the check can fail', () => {
    const { log } = render([at(4)]);
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(sarifSchemaErrors(broken)).not.toEqual([]);
  });

  it('should name the tool and its version, list the rules sorted by id and point each result at its rule', () => {
    const { log } = render([at(4), { ruleId: 'exclusion_temp_folder', message: 'x', location: { file: 'b.yaml' } }]);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('edrsim');
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['exclusion_temp_folder', 'expect.artifact', 'unknown_key']);
    expect(run.results.map((result) => [result.ruleId, result.ruleIndex, result.level])).toEqual([
      ['unknown_key', 2, 'error'],
      ['exclusion_temp_folder', 0, 'warning'],
    ]);
  });

  it("should write a finding's own level over its rule's", () => {
    const { log } = render([{ ...at(4), level: 'note' }]);
    expect(log.runs[0]!.results[0]!.level).toBe('note');
  });

  it('should place a result at its file, line and column, and leave out what it does not have', () => {
    const { log } = render([
      at(4),
      { ruleId: 'unknown_key', message: 'm', location: { file: 'b.yaml' } },
      { ruleId: 'unknown_key', message: 'n' },
    ]);
    const [placed, fileOnly, ...others] = log.runs[0]!.results;
    expect(placed?.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'policies/a.yaml' }, region: { startLine: 4, startColumn: 3 } } },
    ]);
    expect(fileOnly?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'b.yaml' } } }]);
    expect(others).toEqual([]);
  });

  it('should list a finding without a file as a notification of the invocation, not as a result without a location', () => {
    const { log } = render([at(4), { ruleId: 'unknown_key', message: 'no scenario files found in x' }]);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = log.runs[0] as Log['runs'][number] & { invocations: unknown[] };
    expect(run.results).toHaveLength(1);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'no scenario files found in x' }, associatedRule: { id: 'unknown_key', index: 2 } },
        ],
      },
    ]);
  });

  it('should call an invocation successful when nothing, or only a warning, is about the run', () => {
    const invocations = (findings: SarifFinding[]) =>
      (render(findings).log.runs[0] as unknown as { invocations: { executionSuccessful: boolean }[] }).invocations;
    expect(invocations([])).toEqual([{ executionSuccessful: true }]);
    expect(invocations([{ ruleId: 'exclusion_temp_folder', message: 'm' }])[0]?.executionSuccessful).toBe(true);
  });

  it('should make file paths relative through the caller, and read backslashes as slashes by default', () => {
    const relative = render([at(4)], { relativePath: (file) => `../${file}` }).log;
    expect(relative.runs[0]!.results[0]!.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('../policies/a.yaml');
    const windows = render([{ ruleId: 'unknown_key', message: 'm', location: { file: 'policies\\a.yaml' } }]).log;
    expect(windows.runs[0]!.results[0]!.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('policies/a.yaml');
  });

  it('should keep a fingerprint when the finding moves down the file, and change it for another finding', () => {
    const fingerprint = (finding: SarifFinding) =>
      render([finding]).log.runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY];
    expect(fingerprint(at(4))).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(at(40))).toBe(fingerprint(at(4)));
    expect(fingerprint(at(4, 'unknown key "nmea"'))).not.toBe(fingerprint(at(4)));
    expect(fingerprint({ ...at(4), location: { file: 'policies/b.yaml', line: 4 } })).not.toBe(fingerprint(at(4)));
    // A count in the message is not the finding's identity; an explicit identity wins over the message.
    expect(fingerprint(at(4, 'and 3 more problems'))).toBe(fingerprint(at(4, 'and 41 more problems')));
    expect(fingerprint({ ...at(4, 'got blocked'), identity: 'a1' })).toBe(
      fingerprint({ ...at(4, 'got missed'), identity: 'a1' }),
    );
  });

  it('should give two equal findings in one file two fingerprints, the same on every run', () => {
    const twice = () => render([at(4), at(9)]).log.runs[0]!.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    const [first, second] = twice();
    expect(second).toBe(`${first}:2`);
    expect(twice()).toEqual([first, second]);
  });

  it('should take helpUri from the citation seam, and write none without it', () => {
    const cited = { ...issueRule('unknown_key'), cite: '§4.2' };
    const rules = (options: SarifOptions) =>
      render([], options, { rules: [cited] }).log.runs[0]!.tool.driver.rules.map((rule) => rule.helpUri);
    expect(rules({})).toEqual([undefined]);
    expect(rules({ helpUri: (cite) => (cite === '§4.2' ? 'https://learn.microsoft.com/x' : undefined) })).toEqual([
      'https://learn.microsoft.com/x',
    ]);
    expect(rules({ helpUri: () => undefined })).toEqual([undefined]);
  });

  it('should throw on a finding whose rule the input does not list: a bug in the command, not bad input', () => {
    expect(() => render([{ ruleId: 'nope', message: 'm' }])).toThrow(/rule nope/);
  });

  it('should keep hostile strings data: JSON-escaped, invisible characters as \\u escapes, file names percent-encoded', () => {
    const hostile = 'a"}]},\u202e\u001b[2J\u2028</script>\ud800%#?';
    const { text, log } = render([{ ruleId: 'unknown_key', message: hostile, location: { file: `x/${hostile}.yaml`, line: 1 } }]);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(text).not.toMatch(/[\u202e\u001b\u2028]/);
    const result = log.runs[0]!.results[0]!;
    expect(result.message.text).toBe(hostile);
    const uri = result.locations?.[0]?.physicalLocation.artifactLocation.uri;
    // The `/` of `</script>` is a folder separator in a file name; a lone surrogate, which no URI can carry, reads as U+FFFD.
    expect(uri).toBe('x/a%22%7D%5D%7D%2C%E2%80%AE%1B%5B2J%E2%80%A8%3C/script%3E%EF%BF%BD%25%23%3F.yaml');
  });

  it('should stream the results: each written as it is emitted, none held back for the whole list', () => {
    const chunks: string[] = [];
    let emitted = 0;
    renderSarif(
      {
        version: '1',
        rules: [issueRule('unknown_key')],
        results: (emit) => {
          for (let line = 1; line <= 50; line++) {
            const before = chunks.length;
            emit(at(line));
            emitted++;
            // The result is written before the next one is produced.
            expect(chunks.slice(before).join('')).toContain(`"startLine": ${line},`);
          }
        },
      },
      (chunk) => void chunks.push(chunk),
    );
    expect(emitted).toBe(50);
    expect(chunks.filter((chunk) => chunk.includes('"ruleId"')).every((chunk) => chunk.split('"ruleId"').length === 2)).toBe(
      true,
    );
  });
});
