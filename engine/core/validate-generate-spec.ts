/** The one set of rules for a generator spec, applied by the scenario loader and the generator alike: every problem at once. */
import type { GenerateSpec } from './generate-spec.ts';
import { formatPath, type Issue, type Path } from './issue.ts';
import { OS_NAMES } from './vocabulary.ts';

const MIX_KEYS = ['malicious', 'pua', 'benign'] as const;
const DETECTION_KEYS = ['primaryAv', 'mdav', 'edr'] as const;
const KNOWN_OS: ReadonlySet<string> = new Set(OS_NAMES);

const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Checks a generator spec: `count` a non-negative integer, at least one device when `count > 0` (names
 * non-empty and unique), `window >= 0` (0: every artifact at `at`), `at >= 0`, `mix` weights non-negative
 * with a positive sum, `detection` probabilities in [0, 1], and `os` (when given) one known OS per
 * device. `path` locates the spec in its document; default `['generate']`. A spec it accepts yields
 * exactly `count` artifacts: the scenario loader and `generateArtifacts` both apply these rules, so no
 * spec can load and then generate nothing.
 *
 * @example
 * validateGenerateSpec({ ...spec, mix: { malicious: 0, pua: 0, benign: 0 } });
 * // [{ code: 'zero_mix', path: ['generate', 'mix'], message: 'generate.mix: weights sum to 0; …' }]
 */
export function validateGenerateSpec(spec: GenerateSpec, path: Path = ['generate']): Issue[] {
  const issues = scalarIssues(spec, path);
  checkDevices(spec, Number.isSafeInteger(spec.count) && spec.count >= 0, reporter(issues, path));
  return issues;
}

/** The O(1) part of {@link validateGenerateSpec}: everything but the device list. */
export function scalarIssues(spec: GenerateSpec, path: Path): Issue[] {
  const issues: Issue[] = [];
  const report = reporter(issues, path);
  if (typeof spec.id !== 'string' || spec.id === '')
    report(['id'], 'bad_generator_id', 'generator id must be a non-empty string', 'a string such as "gen-1"', spec.id);
  if (!isFiniteNumber(spec.at) || spec.at < 0)
    report(['at'], 'bad_at', 'start must be a non-negative number of ms', 'a non-negative offset', spec.at);
  if (!Number.isSafeInteger(spec.count) || spec.count < 0)
    report(['count'], 'bad_count', 'count must be a non-negative integer', 'an integer ≥ 0', spec.count);
  if (!isFiniteNumber(spec.window) || spec.window < 0) {
    report(
      ['window'],
      'bad_window',
      'window must be 0 or longer',
      'a duration such as 0s or 1h',
      spec.window,
      'artifacts spread over [at, at + window); 0s puts them all at `at`',
    );
  }
  checkMix(spec, report);
  for (const key of DETECTION_KEYS) {
    const chance = spec.detection?.[key];
    if (!isFiniteNumber(chance) || chance < 0 || chance > 1) {
      report(
        ['detection', key],
        'bad_probability',
        'chance must be between 0 and 1',
        'a probability in [0, 1]',
        chance,
        'write 0.9 for 90%',
      );
    }
  }
  return issues;
}

const reporter =
  (issues: Issue[], path: Path): Report =>
  (key, code, message, expected, received, hint) => {
    // The public name leads the message whatever the document path is (fast-check's "fc.integer …" style).
    const name = formatPath(['generate', ...key]);
    issues.push({
      code,
      path: [...path, ...key],
      message: `${name}: ${message}`,
      expected,
      received: shown(received),
      ...(hint === undefined ? {} : { hint }),
    });
  };

type Report = (key: Path, code: string, message: string, expected: string, received: unknown, hint?: string) => void;

function checkDevices(spec: GenerateSpec, countOk: boolean, report: Report): void {
  if (!Array.isArray(spec.devices)) {
    report(['devices'], 'bad_devices', 'devices must be a list of device names', 'a list of names', spec.devices);
    return;
  }
  if (countOk && spec.count > 0 && spec.devices.length === 0) {
    report(
      ['devices'],
      'no_devices',
      `${spec.count} artifacts need at least one device`,
      'at least one device name',
      spec.devices,
      'use devices: all, or list names from devices/fleet',
    );
  }
  const seen = new Set<string>();
  spec.devices.forEach((name, index) => {
    if (typeof name !== 'string' || name === '')
      report(['devices', index], 'bad_device', 'device name must be a non-empty string', 'a device name', name);
    else if (seen.has(name))
      report(
        ['devices', index],
        'duplicate_device',
        `device "${name}" is listed twice`,
        'unique device names',
        name,
        'artifact ids include the device name and must stay unique',
      );
    else seen.add(name);
  });
  if (spec.os === undefined) return;
  if (!Array.isArray(spec.os) || spec.os.length !== spec.devices.length) {
    report(
      ['os'],
      'bad_os',
      'os must list one OS per device',
      `${spec.devices.length} OS names`,
      Array.isArray(spec.os) ? `${spec.os.length} entries` : spec.os,
    );
    return;
  }
  spec.os.forEach((os, index) => {
    if (!KNOWN_OS.has(os)) report(['os', index], 'bad_os', `"${String(os)}" is not an OS name`, OS_NAMES.join(' | '), os);
  });
}

function checkMix(spec: GenerateSpec, report: Report): void {
  let sum = 0;
  let allValid = true;
  for (const key of MIX_KEYS) {
    const weight = spec.mix?.[key];
    if (!isFiniteNumber(weight) || weight < 0) {
      report(['mix', key], 'bad_weight', 'weight must be a non-negative number', 'a number ≥ 0', weight);
      allValid = false;
    } else sum += weight;
  }
  if (allValid && sum <= 0) {
    report(
      ['mix'],
      'zero_mix',
      'weights sum to 0; at least one must be positive',
      'e.g. { malicious: 0.05, pua: 0.02, benign: 0.93 }',
      spec.mix,
      'weights are normalised by their sum',
    );
  }
}
