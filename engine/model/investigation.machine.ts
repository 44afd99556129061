/** Statechart of one automated investigation: its API `investigationState` as states, due events explicit (§6.5). */
import { assign, setup } from 'xstate';
import {
  investigationContext,
  type InvestigationContext,
  type InvestigationEvent,
  type InvestigationInput,
} from './investigation-context.ts';
import { INVESTIGATION_GUARDS, INVESTIGATION_UPDATES } from './investigation-steps.ts';

/** The `investigationState` values this statechart reaches (§6.5); the API's others are never set here. */
export type { ModelledInvestigationState } from '../core/vocabulary.ts';

type Guards = {
  [K in keyof typeof INVESTIGATION_GUARDS]: (args: { context: InvestigationContext; event: InvestigationEvent }) => boolean;
};

const guards = Object.fromEntries(
  Object.entries(INVESTIGATION_GUARDS).map(([name, check]) => [
    name,
    ({ context, event }: { context: InvestigationContext; event: InvestigationEvent }) => check(context, event),
  ]),
) as Guards;

const update = (name: keyof typeof INVESTIGATION_UPDATES) =>
  assign<InvestigationContext, InvestigationEvent, undefined, InvestigationEvent, never>(({ context, event }) =>
    INVESTIGATION_UPDATES[name](context, event),
  );

const STILL_PENDING = { guard: 'leavesPending', actions: 'settle' } as const;
const PARTLY = { guard: 'endsPartly', target: 'PartiallyRemediated', actions: 'settle' } as const;

/**
 * The investigation machine. `Queued` until the queue sends `start`: on an unsupported OS it ends `UnsupportedOs`,
 * without Defender Antivirus `Failed` (T88). `Running` counts sightings per hash and, on `analysed`, applies
 * indicators to AIR's verdicts (§5.4) and proposes one entry per remediation: to `PendingApproval` if any awaits
 * approval (or a scope expansion to ≥ 10 devices does, T79), to `SuccessfullyRemediated` if all were taken at once,
 * to `Benign` if nothing was found (T77). In `PendingApproval` each `approve`, `reject` or `due` (7-day timeout,
 * T75) ends Pending entries once; when none is left the investigation completes (rem-xdr): `SuccessfullyRemediated`
 * when every action was taken or approved (air-results), else `PartiallyRemediated` ([inference]: the API has no
 * "not remediated" state). An unreachable device pauses it in `PendingResource` (air-results): nothing is analysed
 * there, so the caller sends `analysed` after `device-available`. `terminate` ends it `TerminatedBySystem` and cancels
 * what is pending. An approved scope expansion is a completed entry; the devices it adds run their own investigations.
 * Final states ignore every event (a later alert opens a new investigation).
 *
 * @example
 * const [s] = transition(investigationMachine, initialTransition(investigationMachine, { id: 1, device: 'pc', level: 'full' })[0],
 *   { type: 'start', at: 0 });
 * s.value; // 'Running'
 */
export const investigationMachine = setup({
  types: {
    context: {} as InvestigationContext,
    events: {} as InvestigationEvent,
    input: {} as InvestigationInput | undefined,
  },
  guards,
  actions: { propose: update('propose'), sight: update('sight'), settle: update('settle') },
}).createMachine({
  id: 'investigation',
  initial: 'Queued',
  context: ({ input }) => investigationContext(input),
  states: {
    Queued: {
      on: {
        start: [
          { guard: 'startsUnsupportedOs', target: 'UnsupportedOs' },
          { guard: 'startsWithoutAntivirus', target: 'Failed' },
          { target: 'Running' },
        ],
        terminate: { target: 'TerminatedBySystem' },
      },
    },
    Running: {
      on: {
        sighting: { actions: 'sight' },
        analysed: [
          { guard: 'awaitsApproval', target: 'PendingApproval', actions: 'propose' },
          { guard: 'remediatesAll', target: 'SuccessfullyRemediated', actions: 'propose' },
          { target: 'Benign', actions: 'propose' },
        ],
        'device-unavailable': { target: 'PendingResource' },
        fail: { target: 'Failed' },
        terminate: { target: 'TerminatedBySystem' },
      },
    },
    PendingResource: {
      on: {
        'device-available': { target: 'Running' },
        sighting: { actions: 'sight' },
        terminate: { target: 'TerminatedBySystem' },
      },
    },
    PendingApproval: {
      on: {
        approve: [STILL_PENDING, { guard: 'endsRemediated', target: 'SuccessfullyRemediated', actions: 'settle' }, PARTLY],
        // A rejection or a timeout leaves an action untaken, so neither can complete the remediation.
        reject: [STILL_PENDING, PARTLY],
        due: [STILL_PENDING, PARTLY],
        analysed: { actions: 'propose' },
        sighting: { actions: 'sight' },
        terminate: { target: 'TerminatedBySystem', actions: 'settle' },
      },
    },
    SuccessfullyRemediated: { type: 'final' },
    PartiallyRemediated: { type: 'final' },
    Benign: { type: 'final' },
    Failed: { type: 'final' },
    TerminatedBySystem: { type: 'final' },
    UnsupportedOs: { type: 'final' },
  },
});
