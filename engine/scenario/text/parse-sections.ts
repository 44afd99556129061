/** Validates each section of a scenario document on its own, so that one bad item never hides the problems of another. */
import { append } from '../../core/append.ts';
import { z } from 'zod';
import type { Issue, Path } from '../../core/issue.ts';
import { quote } from '../../core/quote.ts';
import { actionEventSchema } from '../schema/action-schema.ts';
import { artifactEventSchema } from '../schema/artifact-schema.ts';
import { changeEventSchema } from '../schema/change-schema.ts';
import { chooseBranch } from './choose-branch.ts';
import { deviceSchema, fleetSchema, type DeviceInput, type FleetInput } from '../schema/device-schema.ts';
import { EXPECTATION_BRANCHES, type ExpectationKind } from '../schema/expectation-schema.ts';
import { fromZodIssues } from './from-zod-issues.ts';
import { generateEventSchema } from '../schema/generate-schema.ts';
import { exclusionsInputSchema, indicatorsInputSchema, looseIndicatorsInputSchema } from '../schema/lists-schema.ts';
import { headerShape, scenarioSchema } from '../schema/scenario-schema.ts';
import { settingsSchema } from '../schema/settings-schema.ts';
import { tenantSchema } from '../schema/tenant-schema.ts';

const headerSchema = z.object(headerShape);
const rootKeysSchema = z.strictObject(
  Object.fromEntries(Object.keys(scenarioSchema.shape).map((key) => [key, z.unknown().optional()])),
);
const EVENT_SCHEMAS = {
  artifact: artifactEventSchema,
  change: changeEventSchema,
  generate: generateEventSchema,
  action: actionEventSchema,
} as const;
const TIMELINE_KINDS = ['artifact', 'change', 'generate', 'action'] as const;
const isAction = (item: unknown) => typeof item === 'object' && item !== null && !Array.isArray(item) && 'action' in item;
const EXCLUSIVE_EVENTS = ['artifact', 'change', 'generate'] as const;
const EXPECTATION_KINDS = Object.keys(EXPECTATION_BRANCHES) as ExpectationKind[];
// An artifact expectation may carry `actionCenter: true`, so that key alone never makes an item ambiguous.
const EXCLUSIVE_EXPECTATIONS = EXPECTATION_KINDS.filter((kind) => kind !== 'actionCenter');

type EventOutput = {
  [K in keyof typeof EVENT_SCHEMAS]: { kind: K; value: z.output<(typeof EVENT_SCHEMAS)[K]>; order: number; ordinal: number };
}[keyof typeof EVENT_SCHEMAS];

/** What parsed, item by item; anything that failed is absent and its issues are in the issue list. */
export interface ParsedSections {
  readonly header?: z.output<typeof headerSchema>;
  readonly settings?: z.output<typeof settingsSchema>;
  readonly tenant?: z.output<typeof tenantSchema>;
  readonly devices: { input: DeviceInput; index: number }[];
  readonly fleets: { input: FleetInput; index: number }[];
  readonly exclusions?: z.output<typeof exclusionsInputSchema>;
  readonly indicators?: readonly unknown[] | { from: string };
  readonly events: EventOutput[];
  readonly expectations: { kind: ExpectationKind; value: unknown; index: number }[];
}

/** Parses `data` with `schema`, adding converted issues at `path`; undefined when it failed. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, path: Path, issues: Issue[]): z.output<S> | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  append(issues, fromZodIssues(result.error.issues, schema, data, path));
  return undefined;
}

function items(value: unknown, key: string, issues: Issue[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  issues.push({
    code: 'invalid_type',
    path: [key],
    message: `${key} must be a list`,
    expected: 'a list: one "- item" per line',
    received: typeof value === 'object' ? 'a map' : quote(value),
  });
  return [];
}

/**
 * Validates the header, each section, and each item of the lists (devices, fleet, timeline, expect)
 * separately, collecting every issue in `issues`. Indicators get only a list check when
 * `looseIndicators` is set (an injected validator owns them).
 *
 * @example
 * parseSections({ name: 'x', devices: [{ name: 'ws-01', os: 'windows-11' }] }, false, issues).devices.length; // 1
 */
export function parseSections(data: Record<string, unknown>, looseIndicators: boolean, issues: Issue[]): ParsedSections {
  parseWith(rootKeysSchema, data, [], issues);
  const sections: ParsedSections = {
    header: parseWith(headerSchema, data, [], issues),
    settings: parseWith(settingsSchema.optional(), data.settings ?? undefined, ['settings'], issues),
    tenant: parseWith(tenantSchema.optional(), data.tenant ?? undefined, ['tenant'], issues),
    devices: [],
    fleets: [],
    exclusions: parseWith(exclusionsInputSchema.optional(), data.exclusions ?? undefined, ['exclusions'], issues),
    indicators: parseWith(
      looseIndicators ? looseIndicatorsInputSchema.optional() : indicatorsInputSchema.optional(),
      data.indicators ?? undefined,
      ['indicators'],
      issues,
    ),
    events: [],
    expectations: [],
  };
  items(data.devices, 'devices', issues).forEach((item, index) => {
    const input = parseWith(deviceSchema, item, ['devices', index], issues);
    if (input !== undefined) sections.devices.push({ input, index });
  });
  items(data.fleet, 'fleet', issues).forEach((item, index) => {
    const input = parseWith(fleetSchema, item, ['fleet', index], issues);
    if (input !== undefined) sections.fleets.push({ input, index });
  });
  let generators = 0;
  items(data.timeline, 'timeline', issues).forEach((item, order) => {
    // An action names its target with `artifact: <id>`, which does not make it an artifact event.
    const branch = isAction(item)
      ? { kind: 'action' as const }
      : chooseBranch(item, TIMELINE_KINDS, ['timeline', order], 'timeline event', EXCLUSIVE_EVENTS);
    if ('issue' in branch) return void issues.push(branch.issue);
    if (branch.kind === 'generate') generators += 1;
    const value = parseWith(EVENT_SCHEMAS[branch.kind], item, ['timeline', order], issues);
    if (value !== undefined) sections.events.push({ kind: branch.kind, value, order, ordinal: generators } as EventOutput);
  });
  items(data.expect, 'expect', issues).forEach((item, index) => {
    const branch = chooseBranch(item, EXPECTATION_KINDS, ['expect', index], 'expectation', EXCLUSIVE_EXPECTATIONS);
    if ('issue' in branch) return void issues.push(branch.issue);
    const value = parseWith(EXPECTATION_BRANCHES[branch.kind], item, ['expect', index], issues);
    if (value !== undefined) sections.expectations.push({ kind: branch.kind, value, index });
  });
  return sections;
}
