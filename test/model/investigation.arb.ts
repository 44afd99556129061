/** Arbitraries for the investigation statechart: an automation level and a sequence of events in rising virtual time. */
import fc from 'fast-check';
import { AUTOMATION_LEVELS } from '../../engine/core/vocabulary.ts';
import type { EvidenceInput, InvestigationEvent, InvestigationInput } from '../../engine/model/investigation-context.ts';

const DAY = 86_400_000;
const PATHS = [
  'C:\\Windows\\System32\\evil.dll',
  'C:\\Users\\u\\Downloads\\evil.exe',
  'C:\\Users\\u\\AppData\\Local\\Temp\\x.exe',
  'C:\\ProgramData\\x.exe',
  'C:\\Program Files\\App\\a.exe',
];
const HASHES = ['h1', 'h2', 'h3'];
const DEVICES = Array.from({ length: 12 }, (_, i) => `other-${i}`);

const evidenceArb: fc.Arbitrary<EvidenceInput> = fc.record(
  {
    artifact: fc.constantFrom('a.exe', 'b.dll'),
    entity: fc.constantFrom(...PATHS),
    path: fc.constantFrom(...PATHS),
    sha256: fc.constantFrom(...HASHES),
    actionType: fc.constantFrom('Quarantine file' as const, 'Stop process' as const),
    verdict: fc.constantFrom('Malicious' as const, 'Suspicious' as const, 'No threats found' as const),
    indicator: fc.constantFrom('Allowed' as const, 'Block' as const, 'Audit' as const),
  },
  { requiredKeys: ['artifact', 'entity', 'actionType', 'verdict'] },
);

/**
 * One event without its time; `at` is added from a rising clock. Weighted so that runs get past `Queued` and into
 * `PendingApproval` often: ends (`fail`, `terminate`, an unsupported start) are rare, decisions common.
 */
const eventArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('start' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('start' as const),
      unsupported: fc.constantFrom('UnsupportedOs' as const, 'Failed' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('analysed' as const),
      evidence: fc.array(evidenceArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('sighting' as const),
      sha256: fc.constantFrom(...HASHES),
      device: fc.constantFrom(...DEVICES),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constantFrom('approve' as const, 'reject' as const),
      entryId: fc.constantFrom('1-1', '1-2', '1-3', '1-4', '1-5'),
      by: fc.constant('alice'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('due' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('device-unavailable' as const, 'device-available' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('fail' as const, 'terminate' as const) }) },
);

/**
 * An investigation's input and up to `maxLength` events after a first `start` (the queue always sends one; a later
 * start is ignored), each at or after the one before (steps up to 3 days).
 */
export const investigationRunArb = (maxLength = 25): fc.Arbitrary<{ input: InvestigationInput; events: InvestigationEvent[] }> =>
  fc
    .record({
      level: fc.constantFrom(...AUTOMATION_LEVELS),
      first: fc.constantFrom<{ type: 'start'; unsupported?: 'UnsupportedOs' | 'Failed' }>(
        { type: 'start' },
        { type: 'start' },
        { type: 'start' },
        { type: 'start' },
        { type: 'start' },
        { type: 'start' },
        { type: 'start', unsupported: 'UnsupportedOs' },
        { type: 'start', unsupported: 'Failed' },
      ),
      steps: fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 3 * DAY })), { minLength: 1, maxLength }),
    })
    .map(({ level, first, steps }) => {
      let at = 0;
      const events = steps.map(([event, delta]) => {
        at += delta;
        return { ...event, at } as InvestigationEvent;
      });
      return { input: { id: 1, device: 'pc-1', level }, events: [{ ...first, at: 0 }, ...events] };
    });
