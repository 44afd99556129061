/** Loads a scenario from text: parse with positions, apply overrides, validate every section, check references, build. */
import { append } from '../core/append.ts';
import {
  DEFAULT_CONFLICT_SETTINGS,
  DEFAULT_TENANT,
  EMPTY_EXCLUSIONS,
  type ExclusionLists,
  type TenantConfig,
} from '../core/config.ts';
import { DEFAULT_START } from '../core/duration.ts';
import { validateGenerateSpec } from '../core/validate-generate-spec.ts';
import { fail, ok, type Issue, type Path, type Result } from '../core/issue.ts';
import { escapeIssue, quote } from '../core/quote.ts';
import { applyOverrides, type AppliedOverride } from './build/apply-overrides.ts';
import { artifactWarnings } from './build/artifact-warnings.ts';
import { buildDevices, defined, tooManyDevices } from './build/build-devices.ts';
import { buildExpectation } from './build/build-expectation.ts';
import { buildTimeline, tooManyAirArtifacts, type EventEntry } from './build/build-timeline.ts';
import { checkReferences } from './build/check-references.ts';
import { deviceWarnings } from './build/device-warnings.ts';
import { duplicateNames } from './build/expectation-name.ts';
import { documentData } from './text/document-data.ts';
import type { LoadOptions } from './load-options.ts';
import { placeIssues } from './text/locate.ts';
import { parseSections, type ParsedSections } from './text/parse-sections.ts';
import { parseSource } from './text/parse-source.ts';
import { resolveDevicePolicy } from './build/resolve-device-policy.ts';
import { resolveDeviceStatus } from './build/resolve-device-status.ts';
import { resolveExclusions, resolveIndicators, type ImportContext } from './build/resolve-imports.ts';
import type { Scenario } from './scenario.ts';

/** Soft issues whose value YAML read as something else than written, so validating that value again says nothing new. */
const MANGLING = new Set(['windows_path_escape', 'unsafe_tag']);

/**
 * Loads one scenario from `text` (YAML, or JSON when `file` ends in `.json`). Returns the scenario with
 * every default applied, or every problem at once, each placed at its file, line and column. Never
 * throws. `options` injects the list validators, importers and file reader, and `--set` overrides.
 *
 * @example
 * const result = loadScenario('name: demo\ndevices: [{ name: ws-01, os: windows-11 }]', 'demo.yaml', {});
 * result.ok && result.value.devices[0]?.mdav.platform; // '4.18.24090.11'
 */
export function loadScenario(text: string, file: string, options: LoadOptions = {}): Result<Scenario> {
  try {
    // Our own messages quote user text with quote(); injected validators and importers may not have.
    const result = load(text, file, options);
    const exported = result.ok ? undefined : options.recogniseExport?.(text);
    if (exported !== undefined) return fail([exportIssue(exported, file)]);
    return result.ok
      ? ok({ ...result.value, warnings: result.value.warnings.map(escapeIssue) })
      : fail(result.issues.map(escapeIssue));
  } catch (error) {
    // Defence in depth: a parser bug must still answer with an issue, never an exception.
    return fail([
      {
        code: 'internal_error',
        path: [],
        file,
        line: 1,
        column: 1,
        message: `could not load the file: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'this is a bug in edrsim; please report it with the file',
      },
    ]);
  }
}

/** One issue for an export given as a scenario (issue 11 #6): what it is and the line that imports it. */
function exportIssue(exported: { readonly what: string; readonly key: string }, file: string): Issue {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return {
    code: 'export_not_scenario',
    path: [],
    file,
    line: 1,
    column: 1,
    message:
      exported.key === 'devices'
        ? `this is ${exported.what}; import it as a device with \`devices: [{ name: …, from: ${name}, … }]\``
        : `this is ${exported.what}; import it with \`${exported.key}: { from: ${name} }\``,
  };
}

function load(text: string, file: string, options: LoadOptions): Result<Scenario> {
  const parsed = parseSource(text, file);
  if (!parsed.ok) return fail(sortIssues(parsed.issues, file));
  const { doc, locate, softIssues } = parsed.source;
  const overrides = applyOverrides(doc, options.overrides ?? []);
  const data = documentData(doc, file);
  if (!data.ok) return fail(data.issues);
  if (typeof data.value !== 'object' || data.value === null || Array.isArray(data.value)) {
    const received = Array.isArray(data.value) ? 'a list' : `the ${typeof data.value} ${quote(data.value).slice(0, 60)}`;
    return fail([
      {
        code: 'not_a_scenario',
        path: [],
        file,
        line: 1,
        column: 1,
        message: 'file is not a scenario: its top level is not a map of keys',
        expected: 'a map with name, devices, timeline, …',
        received,
        hint: 'is this a scenario file? a scenario starts with "name: …"',
      },
      ...softIssues,
    ]);
  }
  const raw = data.value as Record<string, unknown>;
  const issues: Issue[] = [...overrides.issues];
  const sections = parseSections(raw, options.validateIndicators !== undefined, issues);
  // Counted before any device is built or named: ten million fleet members would exhaust memory first.
  const crowded = tooManyDevices(
    sections.devices.length,
    sections.fleets.map(({ input, index }) => ({ count: input.count, index })),
  );
  if (crowded !== undefined) return fail(sortIssues(placeIssues([...issues, crowded], file, locate), file));
  const context: ImportContext = { options, issues, file, imports: [], tally: { exclusionEntries: 0 } };
  const built = buildScenario(sections, context, file);
  append(issues, checkReferences(raw));
  // A value already reported as mangled (an escaped path, a refused tag) is not reported again by validation.
  const softPaths = new Set(softIssues.filter((issue) => MANGLING.has(issue.code)).map((issue) => JSON.stringify(issue.path)));
  const all = [
    ...softIssues,
    ...issues.filter((issue) => issue.code === 'unknown_key' || !softPaths.has(JSON.stringify(issue.path))),
  ];
  const placed = sortIssues(placeIssues(annotate(all, overrides.applied), file, locate), file);
  if (placed.some((issue) => issue.severity !== 'warning') || built === undefined) return fail(placed);
  // Each expectation keeps its place in the file, so that a failed one can point at its line (SARIF, annotations).
  const expect = built.expect.map((expectation) => ({ ...expectation, ...locate(['expect', expectation.index]) }));
  return ok({ ...built, expect, imports: context.imports ?? [], warnings: placed });
}

/** Builds the scenario from what parsed; undefined when a needed part failed (its issues are already listed). */
function buildScenario(
  sections: ParsedSections,
  context: ImportContext,
  file: string,
): Omit<Scenario, 'warnings' | 'imports'> | undefined {
  const exclusions = resolveExclusions(sections.exclusions, ['exclusions'], context);
  const indicators = resolveIndicators(sections.indicators, ['indicators'], context);
  const global = { ...EMPTY_EXCLUSIONS, ...defined(exclusions ?? {}) } as ExclusionLists;
  const devices = sections.devices.map(({ input, index }) => {
    const { from, ...given } = input;
    // A `from:` device takes its versions from its Get-MpComputerStatus export (issue 14).
    const facts = from === undefined ? given : (resolveDeviceStatus(given, from, ['devices', index], context) ?? given);
    append(context.issues, deviceWarnings(facts, ['devices', index]));
    const resolved = resolveDevicePolicy(facts, ['devices', index], context, global);
    return { input: resolved.input, index, exclusions: resolved.exclusions };
  });
  const fleets = sections.fleets.map(({ input, index }) => {
    append(context.issues, deviceWarnings(input.template, ['fleet', index, 'template']));
    const resolved = resolveDevicePolicy(input.template, ['fleet', index, 'template'], context, global);
    return { input: { ...input, template: resolved.input }, index, exclusions: resolved.exclusions };
  });
  const allDevices = buildDevices(devices, fleets);
  const names = allDevices.map((device) => device.name);
  const entries = sections.events.map((event): EventEntry => {
    const path: Path = ['timeline', event.order, event.kind];
    if (event.kind === 'artifact') {
      append(context.issues, artifactWarnings(event.value.artifact, path));
      return { kind: 'artifact', at: event.value.at, order: event.order, input: event.value.artifact };
    }
    if (event.kind === 'action') return { kind: 'action', at: event.value.at, order: event.order, input: event.value };
    if (event.kind === 'generate')
      return {
        kind: 'generate',
        at: event.value.at,
        order: event.order,
        input: event.value.generate,
        id: event.value.generate.id ?? `gen-${event.ordinal}`,
      };
    const change = event.value.change;
    return {
      kind: 'change',
      at: event.value.at,
      order: event.order,
      input: change,
      exclusions: resolveExclusions(change.exclusions, [...path, 'exclusions'], context),
      indicators: resolveIndicators(change.indicators, [...path, 'indicators'], context),
    };
  });
  const expect = sections.expectations.map(({ kind, value, index }) => buildExpectation(kind, value as never, index));
  const named = new Set(
    sections.expectations.filter(({ value }) => (value as { name?: string }).name !== undefined).map(({ index }) => index),
  );
  append(context.issues, duplicateNames(expect, named));
  const timeline = buildTimeline(entries, names);
  // The generator's own rules, applied here too: a spec that loads is a spec that generates `count` artifacts.
  for (const event of timeline)
    if (event.kind === 'generate')
      append(context.issues, validateGenerateSpec(event.generate, ['timeline', event.order, 'generate']));
  const { header } = sections;
  if (header === undefined) return undefined;
  const start = header.start ?? DEFAULT_START;
  const tenant = toTenant(sections.tenant, Date.parse(start));
  if (tenant.air === true) append(context.issues, tooManyAirArtifacts(timeline));
  return {
    name: header.name,
    ...(header.description === undefined ? {} : { description: header.description }),
    tags: header.tags ?? [],
    seed: header.seed ?? 0,
    start: new Date(Date.parse(start)).toISOString(),
    startMs: Date.parse(start),
    settings: { ...DEFAULT_CONFLICT_SETTINGS, ...defined(sections.settings ?? {}) },
    tenant,
    devices: allDevices,
    exclusions: global,
    indicators: indicators ?? [],
    timeline,
    expect,
    file,
  };
}

/**
 * The tenant with defaults. AIR is on when the scenario opts in (contract §5.4): `air: true`, `createdAt`, an
 * `ungroupedAutomationLevel` or any group's `automationLevel`; an explicit `air: false` keeps it off. Only an AIR
 * tenant carries `air` and `createdAt` (default: the scenario's start), so a v1 tenant is exactly as before.
 */
function toTenant(input: ParsedSections['tenant'], startMs: number): TenantConfig {
  const { propagation, air, createdAt, ...rest } = input ?? {};
  const tenant = {
    ...DEFAULT_TENANT,
    ...defined(rest),
    propagation: { ...DEFAULT_TENANT.propagation, ...defined(propagation ?? {}) },
  };
  const optsIn =
    air === true ||
    createdAt !== undefined ||
    rest.ungroupedAutomationLevel !== undefined ||
    (rest.deviceGroups ?? []).some((group) => group.automationLevel !== undefined);
  if (air === false || !optsIn) return tenant;
  return { ...tenant, air: true, createdAt: createdAt === undefined ? startMs : Date.parse(createdAt) };
}

/** Marks issues about a value that came from `--set`, so the reader looks at the command line, not the file. */
function annotate(issues: readonly Issue[], applied: readonly AppliedOverride[]): Issue[] {
  if (applied.length === 0) return [...issues];
  return issues.map((issue) => {
    const source = applied.find((override) => override.path.every((part, i) => issue.path[i] === part));
    return source === undefined ? issue : { ...issue, message: `${issue.message} (set by --set ${source.text})` };
  });
}

/** Issues of the scenario file in reading order, then those of imported files; stable otherwise. */
function sortIssues(issues: readonly Issue[], file: string): Issue[] {
  const rank = (issue: Issue) => (issue.file === file || issue.file === undefined ? 0 : 1);
  return [...issues].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
