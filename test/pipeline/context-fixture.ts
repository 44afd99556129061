/** Hand-built device contexts for unit tests of the layers, with a minimal exclusion and indicator port. */
import type { Artifact } from '../../engine/core/artifact.ts';
import { DEFAULT_CONFLICT_SETTINGS } from '../../engine/core/config.ts';
import type { Reason } from '../../engine/core/vocabulary.ts';
import type { DeviceContext } from '../../engine/pipeline/device-context.ts';
import { exclusionRef } from '../../engine/pipeline/exclusion-ref.ts';
import {
  compileIndicators,
  lookupFileIndicator,
  lookupOverruledBlock,
  parseIndicators,
} from '../../engine/policy/indicators/index.ts';

const r = (layer: string, code: string): Reason => ({ layer, code, message: `${layer} ${code}` });

export interface FixtureOptions {
  mode?: DeviceContext['mode'];
  primaryAvRunning?: boolean;
  blockMode?: boolean;
  edrSensor?: boolean;
  /** Paths (lower case) treated as excluded for every trigger. */
  excludedPaths?: string[];
  /** SHA-256 → indicator action (`Allowed`, `Block`, `Audit`, …). */
  indicators?: Record<string, string>;
  /** `generateAlert` on every indicator (default: unset, which alerts). */
  generateAlert?: boolean;
  activeModeBlockMode?: 'post-breach' | 'none';
}

export const EXCLUDED = r('exclusion', 'excluded-by-path');
/** The ref the fixture's exclusion lookup answers with: one tenant path entry. */
const EXCLUDED_REF = exclusionRef(
  {
    kind: 'path',
    list: 'paths',
    index: 0,
    text: 'fixture',
    pattern: { normalized: '', segments: [], recursive: false, wildcards: 0, shape: 'path' },
  },
  EXCLUDED,
  { paths: 1, extensions: 0, processes: 0 },
);

export function context(options: FixtureOptions = {}): DeviceContext {
  const mode = options.mode ?? 'passive';
  const excluded = new Set(options.excludedPaths ?? []);
  const parsed = parseIndicators(
    Object.entries(options.indicators ?? {}).map(([value, action]) => ({
      type: 'FileSha256',
      value,
      action,
      title: 't',
      description: 'd',
      ...(options.generateAlert === undefined ? {} : { generateAlert: options.generateAlert }),
    })),
  );
  if (parsed.issues.length > 0) throw new Error(JSON.stringify(parsed.issues));
  const index = compileIndicators(parsed.indicators);
  return {
    device: 'ws-01',
    settings: { ...DEFAULT_CONFLICT_SETTINGS, activeModeBlockMode: options.activeModeBlockMode ?? 'post-breach' },
    primaryAvRunning: options.primaryAvRunning ?? mode === 'passive',
    mode,
    modeReason: r('mode', mode),
    exclusions: (query) => (excluded.has(query.path.toLowerCase()) ? EXCLUDED : undefined),
    exclusionHit: (query) => (excluded.has(query.path.toLowerCase()) ? EXCLUDED_REF : undefined),
    indicatorsHonoured: mode === 'active',
    indicatorReasons: mode === 'active' ? [] : [r('indicator', 'not-supported-passive')],
    indicators: (artifact: Artifact) => lookupFileIndicator(index, artifact, undefined, artifact.at),
    overruledBlock: (artifact: Artifact) => lookupOverruledBlock(index, artifact, undefined, artifact.at),
    edrSensor: options.edrSensor ?? true,
    edrSensorReason: r('edr-sensor', 'not-onboarded'),
    blockModeEffective: options.blockMode ?? true,
    blockModeReasons: options.blockMode === false ? [r('edr-block-mode', 'switched-off')] : [],
  };
}

export function artifact(overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: 'a1',
    device: 'ws-01',
    at: 0,
    class: 'malicious',
    kind: 'file',
    path: 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
    sha256: 'aa'.repeat(32),
    trigger: 'behavior',
    signals: { primaryAv: false, mdav: true, edr: true },
    ...overrides,
  };
}
