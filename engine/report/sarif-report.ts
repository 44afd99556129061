/** `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps), from any command's rules and findings, streamed. */
import { forJsonText } from '../core/escape.ts';
import { hashString } from '../core/random.ts';
import type { SarifFinding, SarifInput, SarifLevel, SarifOptions, SarifRule } from './sarif-input.ts';
import { fileUri, physicalLocation } from './sarif-location.ts';
import { streamedArray, streamedObject, writeJson } from './json-writer.ts';
import type { Write } from './scenario-report.ts';

/** The schema a SARIF log names: the `id` of the official SARIF 2.1.0 JSON Schema the tests validate against. */
export const SARIF_SCHEMA =
  'https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json';

/** The key of the one partial fingerprint edrsim writes; a new way of computing it gets a new key. */
export const FINGERPRINT_KEY = 'edrsimFinding/v1';

interface SarifText {
  readonly text: string;
}

interface SarifDescriptor {
  readonly id: string;
  readonly shortDescription: SarifText;
  readonly fullDescription: SarifText;
  readonly help: SarifText;
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifText;
  readonly locations?: readonly unknown[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifText;
  readonly associatedRule: { readonly id: string; readonly index: number };
}

interface SarifInvocation {
  readonly executionSuccessful: boolean;
  readonly toolExecutionNotifications?: readonly SarifNotification[];
}

interface SarifRun {
  readonly tool: {
    readonly driver: { readonly name: string; readonly version: string; readonly rules: readonly SarifDescriptor[] };
  };
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
  readonly invocations: readonly SarifInvocation[];
}

interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

/**
 * Writes one SARIF 2.1.0 log with one run to `write`: `tool.driver` lists `input.rules` (sorted by id),
 * then each finding becomes a result with its level, message, `physicalLocation` (a URI relative to the
 * SARIF root and the line and column) and a partial fingerprint that a line shift does not change. Results
 * are written as `input.results` emits them; only a count per fingerprint is kept. A finding without a
 * file (no scenario files found) is about the run, not the code: it becomes a tool execution notification
 * of the run's invocation, which then was not successful if it is an error (code scanning refuses a result
 * without a location). User text is JSON
 * (escaped by `JSON.stringify`, invisible characters as `\u` escapes, as in `--format json`).
 *
 * @example
 * const chunks: string[] = [];
 * renderSarif({ version: '0.1.0', rules: [], results: () => {} }, (chunk) => void chunks.push(chunk));
 * JSON.parse(chunks.join('')).version; // '2.1.0'
 */
export function renderSarif(input: SarifInput, write: Write, options: SarifOptions = {}): void {
  const rules = input.rules.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(rules.map((rule, index) => [rule.id, { rule, index }]));
  const relative = options.relativePath ?? ((file: string) => file.replaceAll('\\', '/'));
  const occurrences = new Map<string, number>();
  const ruleOf = (finding: SarifFinding) => {
    const known = byId.get(finding.ruleId);
    // A finding of a rule not listed is a bug in the command that made the input, not bad input.
    if (known === undefined) throw new Error(`SARIF: finding of rule ${finding.ruleId}, which the input does not list`);
    return known;
  };
  // Findings about the run as a whole: few (one per command at most, in practice), kept for the invocation.
  const notifications: SarifNotification[] = [];
  const notify = (finding: SarifFinding) => {
    const known = ruleOf(finding);
    notifications.push({
      level: finding.level ?? known.rule.level,
      message: { text: finding.message },
      associatedRule: { id: known.rule.id, index: known.index },
    });
  };
  const result = (finding: SarifFinding): SarifResult => {
    const known = ruleOf(finding);
    const uri = finding.location === undefined ? undefined : fileUri(relative(finding.location.file));
    const identity = finding.identity ?? finding.message.replace(/\d+/g, '0');
    const hash = fingerprint(`${finding.ruleId}\u0000${uri ?? ''}\u0000${identity}`);
    // The same finding twice in one file (two equal entries) must still have two identities.
    const seen = occurrences.get(hash) ?? 0;
    occurrences.set(hash, seen + 1);
    return {
      ruleId: finding.ruleId,
      ruleIndex: known.index,
      level: finding.level ?? known.rule.level,
      message: { text: finding.message },
      ...(uri === undefined || finding.location === undefined ? {} : { locations: [physicalLocation(uri, finding.location)] }),
      partialFingerprints: { [FINGERPRINT_KEY]: seen === 0 ? hash : `${hash}:${seen + 1}` },
    };
  };
  const safe: Write = (chunk) => write(forJsonText(chunk));
  writeJson(
    safe,
    streamedObject<SarifLog>({
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: streamedArray<ReturnType<typeof streamedObject<SarifRun>>>((emitRun) =>
        emitRun(
          streamedObject<SarifRun>({
            tool: { driver: { name: 'edrsim', version: input.version, rules: rules.map((rule) => descriptor(rule, options)) } },
            // Columns come from the YAML parser's offsets into a JavaScript string.
            columnKind: 'utf16CodeUnits',
            results: streamedArray<SarifResult>((emit) =>
              input.results((finding) => (finding.location === undefined ? notify(finding) : emit(result(finding)))),
            ),
            // Written after the results, so that it knows what they were.
            invocations: streamedArray<SarifInvocation>((emit) =>
              emit({
                executionSuccessful: notifications.every((notification) => notification.level !== 'error'),
                ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }),
              }),
            ),
          }),
        ),
      ),
    }),
  );
  write('\n');
}

function descriptor(rule: SarifRule, options: SarifOptions): SarifDescriptor {
  const helpUri = rule.cite === undefined ? undefined : options.helpUri?.(rule.cite);
  return {
    id: rule.id,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription },
    help: { text: rule.help },
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: { level: rule.level },
  };
}

// Two 32-bit FNV-1a hashes with different seeds: 64 bits, enough to tell a run's findings apart, and the
// same on every machine (the report layer has no crypto, and none is needed: this is an identity, not a seal).
function fingerprint(text: string): string {
  const hex = (value: number) => value.toString(16).padStart(8, '0');
  return `${hex(hashString(text))}${hex(hashString(text, 0x9747b28c))}`;
}
