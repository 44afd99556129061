/** Schema of `expect` items: per-artifact verdicts, device state, Action Center and alert counts, recommendations, totals (§2, §6). */
import { z } from 'zod';
import {
  ACTION_CENTER_STATUSES,
  ACTION_CENTER_TABS,
  ACTION_TYPES,
  ALERT_STATUSES,
  ARTIFACT_CLASSES,
  BLOCKERS,
  DETECTION_STATUSES,
  INVESTIGATION_STATES,
  MDAV_MODES,
  OUTCOMES,
  RUNNING_MODES,
} from '../../core/vocabulary.ts';
import {
  addCoreIssues,
  citeSchema,
  countBoundsShape,
  durationSchema,
  nameSchema,
  probabilitySchema,
  type CheckContext,
} from './common-schema.ts';

/** §6.3 Action source values. */
export const ACTION_SOURCES = [
  'Manual device action',
  'Manual email action',
  'Automated device action',
  'Automated email action',
  'Advanced hunting action',
  'Explorer action',
  'Manual live response action',
  'Live response action',
] as const;
/** §6.6 alert `detectionSource` API values. */
export const DETECTION_SOURCES = [
  'ThirdPartySensors',
  'WindowsDefenderAv',
  'AutomatedInvestigation',
  'CustomDetection',
  'CustomerTI',
  'WindowsDefenderAtp',
  'MTP',
  'OfficeATP',
  'ThreatExperts',
  'WindowsDefenderSmartScreen',
] as const;
const REPORTED_STATUSES = ['Blocked', 'Prevented', 'Detected'] as const;

/** `name`: the expectation's stable name in reports and JUnit; default built from what it asserts. */
const expectationName = nameSchema.optional().meta({
  description:
    'a stable name for reports and JUnit test cases; default: built from what it asserts, e.g. "artifact a1: outcome blocked"',
});

/** Asks for at least one assertion key, so that an expectation can fail. */
function atLeastOne(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: CheckContext) => {
    if (keys.some((key) => value[key] !== undefined)) return;
    addCoreIssues(ctx, [
      {
        code: 'empty_expectation',
        message: `${what} expectation asserts nothing`,
        expected: `at least one of ${keys.join(', ')}`,
      },
    ]);
  };
}

/** `count` exactly, or `atLeast`/`atMost`; needs one of them. */
function bounded(value: { count?: number; atLeast?: number; atMost?: number }, ctx: CheckContext, optional = false): void {
  const { count, atLeast, atMost } = value;
  if (count !== undefined && (atLeast !== undefined || atMost !== undefined)) {
    addCoreIssues(ctx, [
      {
        code: 'bad_bounds',
        message: 'count cannot be combined with atLeast or atMost',
        hint: 'use count alone, or atLeast and atMost',
      },
    ]);
  } else if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
    addCoreIssues(ctx, [{ code: 'bad_bounds', message: `atLeast ${atLeast} is more than atMost ${atMost}` }]);
  } else if (!optional && count === undefined && atLeast === undefined && atMost === undefined) {
    addCoreIssues(ctx, [
      { code: 'empty_expectation', message: 'count expectation has no bound', expected: 'count, atLeast or atMost' },
    ]);
  }
}

export const artifactExpectationSchema = z
  .strictObject({
    artifact: nameSchema,
    outcome: z.enum(OUTCOMES).optional(),
    by: z.enum(BLOCKERS).optional(),
    detectionStatus: z.enum(DETECTION_STATUSES).optional(),
    actionCenter: z.boolean().optional().meta({ description: 'an Action Center entry exists for it' }),
    cite: citeSchema,
    name: expectationName,
  })
  .superRefine(atLeastOne(['outcome', 'by', 'detectionStatus', 'actionCenter'], 'artifact'));

// C2: `Passive` (compat) and `Passive mode` (mdav-win) are read as `Passive Mode`.
const runningModeSchema = z
  .enum([...RUNNING_MODES, 'Passive', 'Passive mode'])
  .transform((mode) => (mode === 'Passive' || mode === 'Passive mode' ? 'Passive Mode' : mode));

export const deviceExpectationSchema = z
  .strictObject({
    device: nameSchema,
    at: durationSchema.optional().meta({ description: 'state after every event with at ≤ this; omitted = end of run' }),
    mode: z.enum(MDAV_MODES).optional(),
    runningMode: runningModeSchema.optional(),
    edrBlockMode: z.enum(['effective', 'not-effective']).optional(),
    cite: citeSchema,
    name: expectationName,
  })
  .superRefine(atLeastOne(['mode', 'runningMode', 'edrBlockMode'], 'device'));

export const actionCenterExpectationSchema = z.strictObject({
  actionCenter: z
    .strictObject({
      device: nameSchema.optional(),
      artifact: nameSchema.optional(),
      actionType: z.string().optional(),
      actionSource: z.enum(ACTION_SOURCES).optional(),
      status: z.enum(['Pending', 'Completed', 'Failed', 'Rejected', 'Undone']).optional(),
      detectionStatus: z.enum(REPORTED_STATUSES).optional(),
      ...countBoundsShape,
    })
    .superRefine((value, ctx) => bounded(value, ctx)),
  cite: citeSchema,
  name: expectationName,
});

export const alertsExpectationSchema = z.strictObject({
  alerts: z
    .strictObject({
      device: nameSchema.optional(),
      artifact: nameSchema.optional(),
      detectionStatus: z.enum(REPORTED_STATUSES).optional(),
      severity: z.enum(['Informational', 'Low', 'Medium', 'High']).optional(),
      detectionSource: z.enum(DETECTION_SOURCES).optional(),
      status: z.enum(ALERT_STATUSES).optional().meta({ description: 'the alert status at the end of the run (AIR, §6.6)' }),
      investigationState: z
        .enum(INVESTIGATION_STATES)
        .optional()
        .meta({ description: "the alert's investigation state at the end of the run (AIR, §6.5)" }),
      ...countBoundsShape,
    })
    .superRefine((value, ctx) => bounded(value, ctx)),
  cite: citeSchema,
  name: expectationName,
});

/** Exactly one of `artifact` and `device`: what an AIR expectation is about. */
function oneTarget(value: { artifact?: string; device?: string }, ctx: CheckContext): void {
  if ((value.artifact === undefined) !== (value.device === undefined)) return;
  addCoreIssues(ctx, [
    {
      code: 'expectation_target',
      message: value.artifact === undefined ? 'names no artifact or device' : 'names both an artifact and a device',
      expected: 'exactly one of artifact, device',
      hint: 'artifact: a1 for the entries acting on it, device: pc-1 for device actions',
    },
  ]);
}

const stateAt = durationSchema
  .optional()
  .meta({ description: 'the state after every event with at ≤ this, AIR timeouts included; omitted = end of run' });

export const actionCenterEntryExpectationSchema = z.strictObject({
  actionCenterEntry: z
    .strictObject({
      artifact: nameSchema.optional(),
      device: nameSchema.optional(),
      actionType: z.enum(ACTION_TYPES).optional().meta({ description: 'only entries of this type' }),
      at: stateAt,
      tab: z.enum(ACTION_CENTER_TABS).optional(),
      status: z.enum(ACTION_CENTER_STATUSES).optional(),
      present: z
        .boolean()
        .optional()
        .meta({ default: true, description: 'false: no such entry exists (e.g. under No automated response, T78)' }),
    })
    .superRefine((value, ctx) => {
      oneTarget(value, ctx);
      atLeastOne(['tab', 'status', 'present'], 'actionCenterEntry')(value, ctx);
    }),
  cite: citeSchema,
  name: expectationName,
});

export const investigationExpectationSchema = z.strictObject({
  investigation: z
    .strictObject({
      artifact: nameSchema.optional().meta({ description: "the investigation the artifact's alert started or joined" }),
      device: nameSchema.optional().meta({ description: "the device's latest investigation at `at`" }),
      at: stateAt,
      state: z.enum(INVESTIGATION_STATES).meta({ description: 'the API investigationState (§6.5)' }),
    })
    .superRefine(oneTarget),
  cite: citeSchema,
  name: expectationName,
});

export const recommendationExpectationSchema = z.strictObject({
  recommendation: z.strictObject({
    device: nameSchema,
    id: nameSchema.optional().meta({ default: 'turn-on-edr-block-mode', description: '§3.10' }),
    present: z.boolean().optional().meta({ default: true }),
  }),
  cite: citeSchema,
  name: expectationName,
});

export const totalsExpectationSchema = z.strictObject({
  totals: z
    .strictObject({
      class: z.enum(ARTIFACT_CLASSES).optional(),
      outcome: z.enum(OUTCOMES).optional(),
      by: z.enum(BLOCKERS).optional(),
      device: nameSchema.optional(),
      detectionStatus: z.enum(DETECTION_STATUSES).optional(),
      share: z
        .strictObject({ atLeast: probabilitySchema.optional(), atMost: probabilitySchema.optional() })
        .optional()
        .meta({ description: 'share of the matching artifacts among those of the class (or all)' }),
      ...countBoundsShape,
    })
    .superRefine((value, ctx) => {
      if (value.share === undefined) return bounded(value, ctx);
      if (value.count !== undefined || value.atLeast !== undefined || value.atMost !== undefined) {
        addCoreIssues(ctx, [{ code: 'bad_bounds', message: 'totals takes share or count bounds, not both' }]);
      } else if (value.share.atLeast === undefined && value.share.atMost === undefined) {
        addCoreIssues(ctx, [
          { code: 'empty_expectation', message: 'share has no bound', expected: 'share.atLeast or share.atMost' },
        ]);
      }
    }),
  cite: citeSchema,
  name: expectationName,
});

/** Each expectation kind, by the key that names it; the first key found in an item decides. */
export const EXPECTATION_BRANCHES = {
  artifact: artifactExpectationSchema,
  device: deviceExpectationSchema,
  actionCenter: actionCenterExpectationSchema,
  alerts: alertsExpectationSchema,
  actionCenterEntry: actionCenterEntryExpectationSchema,
  investigation: investigationExpectationSchema,
  recommendation: recommendationExpectationSchema,
  totals: totalsExpectationSchema,
} as const;

export type ExpectationKind = keyof typeof EXPECTATION_BRANCHES;

export const expectationSchema = z.union(Object.values(EXPECTATION_BRANCHES) as unknown as [z.ZodType, ...z.ZodType[]]);
