/** Builders for the small AIR scenarios of the T71–T88 table tests: YAML text, one line per device, artifact or action. */

/** One reference case run end to end: a scenario, the `expect` entries that pin the case, and their opposites. */
export interface AirCase {
  /** The reference case, e.g. `T71`. */
  readonly id: string;
  /** The case's "given → expect", as a test title. */
  readonly title: string;
  /** `tenant`, `devices` and `timeline` sections (YAML); `expect` is added from `pins` and `opposites`. */
  readonly scenario: string;
  /** `expect` entries (YAML flow mappings, without `cite`) that must hold: the ones that pin the case. */
  readonly pins: readonly string[];
  /** The same facts turned wrong: each must fail, so a pin cannot pass by accident. */
  readonly opposites: readonly string[];
}

/** A passive Windows 11 laptop (a non-Microsoft primary antivirus), with extra flow keys, e.g. `tags: [core]`. */
export const passive = (name: string, extra = '') =>
  `  - { name: ${name}, os: windows-11, primaryAv: non-microsoft${extra === '' ? '' : `, ${extra}`} }`;

/** What an artifact is and does, besides where and when. */
interface ArtifactOptions {
  readonly at?: string;
  readonly kind?: 'file' | 'process' | 'behavior';
  readonly klass?: 'malicious' | 'pua' | 'benign';
  readonly sha256?: string;
  /** Default: only the EDR sensor flags it. */
  readonly signals?: string;
}

/**
 * A timeline artifact (default: a malicious file at 10m that only the EDR sensor flags).
 *
 * @example
 * artifact('a1', 'ws-01', 'C:\\Windows\\System32\\evil.dll'); // '  - at: 10m\n    artifact: { id: a1, … }'
 */
export function artifact(id: string, device: string, path: string, options: ArtifactOptions = {}): string {
  const kind = options.kind ?? 'file';
  const trigger = kind === 'file' ? 'on-access' : 'behavior';
  const hash = options.sha256 === undefined ? '' : `, sha256: '${options.sha256}'`;
  const signals = options.signals ?? '{ primaryAv: miss, mdav: miss, edr: detect }';
  return [
    `  - at: ${options.at ?? '10m'}`,
    `    artifact: { id: ${id}, device: ${device}, class: ${options.klass ?? 'malicious'}, kind: ${kind}, trigger: ${trigger},`,
    `                path: '${path}'${kind === 'file' ? '' : `, process: '${path}'`}${hash}, signals: ${signals} }`,
  ].join('\n');
}

/** A Security Administrator, the role every analyst action of these cases needs. */
export const ADMIN = '{ user: dana, role: security-administrator }';

/**
 * A timeline action at `at` with its keys (YAML `key: value` pairs); `by` is the Security Administrator unless the
 * action is a device's `offline` / `online`.
 *
 * @example
 * action('2d', 'approve', 'artifact: a1'); // '  - at: 2d\n    action: approve\n    artifact: a1\n    by: { … }'
 */
export function action(at: string, kind: string, ...keys: string[]): string {
  const by = kind === 'offline' || kind === 'online' ? [] : [`    by: ${ADMIN}`];
  return [`  - at: ${at}`, `    action: ${kind}`, ...keys.map((key) => `    ${key}`), ...by].join('\n');
}

/** A 64-hex SHA-256 made of one repeated character, e.g. `sha('a')`. */
export const sha = (digit: string) => digit.repeat(64);

/**
 * The whole scenario text of a case: its sections, then `expect` with the pins first and the opposites after.
 *
 * @example
 * caseText(T71).split('\n')[0]; // 'name: T71'
 */
export function caseText(one: AirCase): string {
  const entries = [...one.pins, ...one.opposites].map((entry) => `  - ${entry}`);
  return [`name: ${one.id}`, one.scenario.trimEnd(), 'expect:', ...entries, ''].join('\n');
}
