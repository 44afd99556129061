// Helpers for the AIR run tests: small scenarios written as JSON text, loaded as `edrsim run` loads them.
import fc from 'fast-check';
import { formatIssues } from '../../engine/core/issue.ts';
import { POLICY_LOAD_OPTIONS } from '../../engine/run-scenario.ts';
import { loadScenario, type Scenario } from '../../engine/scenario/index.ts';

export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);
export const ANALYST = { user: 'alice', role: 'security-administrator' };
export const LEVELS = ['full', 'semi-all-folders', 'semi-core-folders', 'semi-non-temp-folders', 'none'] as const;
export const PATHS = [
  'C:\\Windows\\System32\\evil.dll',
  'C:\\Users\\u\\Downloads\\evil.exe',
  'C:\\Users\\u\\AppData\\Local\\Temp\\x.exe',
  'C:\\ProgramData\\x.exe',
  'C:\\Program Files\\App\\x.exe',
] as const;

/** Loads a scenario given as a plain object (written as JSON); throws with the issues when it does not load. */
export function scenarioOf(value: Record<string, unknown>): Scenario {
  const loaded = loadScenario(JSON.stringify({ name: 'air', ...value }), 'air.json', POLICY_LOAD_OPTIONS);
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  return loaded.value;
}

/** One device of a generated scenario: passive (a non-Microsoft primary AV) or active, and its group's level. */
export interface GenDevice {
  readonly level: (typeof LEVELS)[number];
  readonly passive: boolean;
}

export interface GenArtifact {
  readonly device: number;
  readonly path: number;
  readonly cls: 'malicious' | 'pua' | 'benign';
  readonly hash: 0 | 1;
  readonly minute: number;
}

export interface GenAction {
  readonly kind: 'approve' | 'reject';
  readonly artifact: number;
  readonly hours: number;
}

export interface Generated {
  readonly devices: readonly GenDevice[];
  readonly artifacts: readonly GenArtifact[];
  readonly actions: readonly GenAction[];
  readonly blockMode: boolean;
}

/** Small AIR scenarios: 1–3 devices, 1–4 artifacts, up to 3 approvals or rejections within 9 days. */
export const generated: fc.Arbitrary<Generated> = fc
  .record({
    devices: fc.array(fc.record({ level: fc.constantFrom(...LEVELS), passive: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    blockMode: fc.boolean(),
    artifacts: fc.array(
      fc.record({
        device: fc.nat(2),
        path: fc.nat(PATHS.length - 1),
        cls: fc.constantFrom('malicious' as const, 'pua' as const, 'benign' as const),
        hash: fc.constantFrom(0 as const, 1 as const),
        minute: fc.nat(60),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    actions: fc.array(
      fc.record({
        kind: fc.constantFrom('approve' as const, 'reject' as const),
        artifact: fc.nat(3),
        hours: fc.integer({ min: 1, max: 216 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((g) => ({ ...g, artifacts: g.artifacts.map((a) => ({ ...a, device: a.device % g.devices.length })) }));

/** The scenario of a generated case; `air: false` keeps AIR off with the same groups (for the block-mode law). */
export function generatedScenario(g: Generated, air = true, levels?: (typeof LEVELS)[number]): Scenario {
  const artifacts = g.artifacts.map((a, i) => ({
    at: `${a.minute}m`,
    artifact: {
      id: `a${i}`,
      device: `pc-${a.device}`,
      class: a.cls,
      path: PATHS[a.path],
      sha256: a.hash === 0 ? SHA_A : SHA_B,
      // The EDR sensor flags every class here, so benign files reach AIR as "No threats found" evidence.
      signals: { primaryAv: 'miss', mdav: a.cls === 'benign' ? 'miss' : 'detect', edr: 'detect' },
    },
  }));
  const actions = g.actions
    .filter((action) => action.artifact < g.artifacts.length)
    .map((action) => ({ at: `${action.hours}h`, action: action.kind, artifact: `a${action.artifact}`, by: ANALYST }));
  return scenarioOf({
    tenant: {
      air,
      edrBlockMode: g.blockMode,
      deviceGroups: g.devices.map((device, i) => ({
        name: `g${i}`,
        rank: i + 1,
        match: { names: [`pc-${i}`] },
        automationLevel: levels ?? device.level,
      })),
    },
    devices: g.devices.map((device, i) => ({
      name: `pc-${i}`,
      os: 'windows-11',
      ...(device.passive ? { primaryAv: 'non-microsoft' } : {}),
    })),
    timeline: [...artifacts, ...actions],
  });
}
