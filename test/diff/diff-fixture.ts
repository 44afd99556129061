/** Small random fleets and policies for the diff laws: a handful of devices, entries and artifacts drawn from pools that overlap. */
import fc from 'fast-check';
import { POLICY_LOAD_OPTIONS } from '../../engine/run-scenario.ts';
import { loadScenario, type Scenario } from '../../engine/scenario/index.ts';
import type { DiffPolicy } from '../../engine/diff/diff-policy.ts';

export const PATHS = [
  'C:\\Temp\\a.exe',
  'C:\\Temp\\sub\\b.ps1',
  'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
  'D:\\Data\\y.log',
  'C:\\Build\\out\\m.obj',
  'C:\\Users\\Public\\Downloads\\edrsim-probe.exe',
];
export const PROCESSES = ['C:\\Windows\\explorer.exe', 'C:\\Program Files\\Backup\\agent.exe', 'C:\\Tools\\cl.exe'];
export const HASHES = ['a'.repeat(64), 'b'.repeat(64)];

export const PATH_ENTRIES = ['C:\\Temp\\', 'C:\\Temp\\*', 'C:\\Users\\*\\AppData\\Local\\Temp', 'D:\\Data\\*.log', 'C:\\Build\\'];
export const EXTENSION_ENTRIES = ['log', 'ps1', 'obj'];
export const PROCESS_ENTRIES = ['agent.exe', 'C:\\Tools\\cl.exe'];

export type Lists = { paths: string[]; extensions: string[]; processes: string[] };

const subset = (pool: readonly string[]) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 2 });

export const listsArb: fc.Arbitrary<Lists> = fc.record({
  paths: subset(PATH_ENTRIES),
  extensions: subset(EXTENSION_ENTRIES),
  processes: subset(PROCESS_ENTRIES),
});

export const indicatorsArb = fc.uniqueArray(
  fc.record({
    type: fc.constant('FileSha256'),
    value: fc.constantFrom(...HASHES),
    action: fc.constantFrom('Allowed', 'Audit', 'Block', 'BlockAndRemediate'),
  }),
  { maxLength: 2, selector: (indicator) => indicator.value },
);

const signal = fc.constantFrom('detect', 'miss');

const artifactArb = fc.record({
  class: fc.constantFrom('malicious', 'pua', 'benign'),
  path: fc.constantFrom(...PATHS),
  process: fc.constantFrom(...PROCESSES),
  trigger: fc.constantFrom('on-access', 'scheduled-scan', 'behavior'),
  sha256: fc.option(fc.constantFrom(...HASHES), { nil: undefined }),
  signals: fc.record({ primaryAv: signal, mdav: signal, edr: signal }),
});

/** A fleet of 1–3 devices, each passive (third-party primary AV) or active, with up to 6 written artifacts. */
export function fleetArb(options: { passiveOnly?: boolean } = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      edrBlockMode: fc.boolean(),
      passive: fc.array(options.passiveOnly === true ? fc.constant(true) : fc.boolean(), { minLength: 1, maxLength: 3 }),
      artifacts: fc.array(fc.tuple(fc.nat(9), artifactArb), { maxLength: 6 }),
    })
    .map(({ edrBlockMode, passive, artifacts }) => {
      const devices = passive.map((p, i) => ({
        name: `ws-${i}`,
        os: 'windows-11',
        ...(p ? { primaryAv: 'non-microsoft' } : {}),
      }));
      const timeline = artifacts.map(([device, artifact], i) => {
        const { sha256, signals, ...rest } = artifact;
        const kind = rest.trigger === 'behavior' ? 'behavior' : 'file';
        const fields = { id: `a${i}`, device: devices[device % devices.length]!.name, kind, ...rest, signals };
        return { at: `${i + 1}m`, artifact: sha256 === undefined ? fields : { ...fields, sha256 } };
      });
      return scenarioFrom({ name: 'law fleet', tenant: { edrBlockMode }, devices, timeline });
    });
}

/** A loaded scenario from its data; throws on a fixture bug. */
export function scenarioFrom(data: object): Scenario {
  const loaded = loadScenario(JSON.stringify(data), 'law.json', POLICY_LOAD_OPTIONS);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

/** A diff side carrying exclusions and indicators only (the fleet's tenant and settings stay its own). */
export function side(source: string, exclusions: Lists, indicators: readonly unknown[] = []): DiffPolicy {
  return { source, what: 'a test policy', text: '', exclusions, indicators };
}
