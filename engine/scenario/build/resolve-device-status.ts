/** `devices: [{ from: status.json, … }]`: a device whose versions come from its Get-MpComputerStatus export (issue 14). */
import { deviceWithDefaults, type DeviceConfig } from '../../core/config.ts';
import type { ReadField, StatusDevice } from '../../core/device-facts.ts';
import type { Issue, Path } from '../../core/issue.ts';
import { quote } from '../../core/quote.ts';
import type { DeviceInput } from '../schema/device-schema.ts';
import { defined } from './build-devices.ts';
import { besideFile, importerMissing, readImport, type ImportContext } from './resolve-imports.ts';

type Facts = Omit<DeviceInput, 'from'>;

/** What Get-MpComputerStatus never shows, so a `from:` device must say it (§3.2): nothing is defaulted. */
const ALWAYS_GIVEN = [
  { key: 'onboarded', example: 'onboarded: true or false', has: (d: Facts) => d.onboarded !== undefined },
  { key: 'primaryAv', example: 'primaryAv: defender or non-microsoft', has: (d: Facts) => d.primaryAv !== undefined },
  {
    key: 'mdav.cloudProtection',
    example: 'mdav: { cloudProtection: true } (Get-MpPreference MAPSReporting 1 or 2)',
    has: (d: Facts) => d.mdav?.cloudProtection !== undefined,
  },
] as const;

/** The export's fields, the scenario key each fixes, and how the scenario would spell it. */
const EXPORTED = [
  { field: 'platform', key: 'mdav.platform', property: 'AMProductVersion', get: (d: Facts) => d.mdav?.platform },
  { field: 'engine', key: 'mdav.engine', property: 'AMEngineVersion', get: (d: Facts) => d.mdav?.engine },
  { field: 'installed', key: 'mdav.installed', property: 'AMProductVersion', get: (d: Facts) => d.mdav?.installed },
  { field: 'tamperProtection', key: 'tamperProtection', property: 'IsTamperProtected', get: (d: Facts) => d.tamperProtection },
] as const;

function missing(path: Path, from: string, key: string, example: string, why: string): Issue {
  return {
    code: 'device_from_missing_fact',
    path: [...path, 'from'],
    message: `${key} is not in ${quote(from)}: ${why}, so the scenario must give it beside from:`,
    hint: `add ${example} to this device`,
  };
}

/**
 * The device's facts with the export's `mdav.platform`, `mdav.engine`, `mdav.installed` and
 * `tamperProtection` filled in. Facts the export lacks (always onboarded, primaryAv and
 * mdav.cloudProtection; a version the export does not show) must be given beside `from:`, each
 * missing one an issue at `from`. A fact given both ways must agree: the scenario may repeat the
 * export, not contradict it. Undefined when the import failed (issues already listed).
 *
 * @example
 * resolveDeviceStatus({ name: 'ws', os: 'windows-11', onboarded: true, primaryAv: 'defender', mdav: { cloudProtection: true } }, 'status.json', ['devices', 0], context);
 */
export function resolveDeviceStatus(input: Facts, from: string, path: Path, context: ImportContext): Facts | undefined {
  const importer = context.options.importComputerStatus;
  if (importer === undefined) {
    context.issues.push(importerMissing(path, { from }, 'device facts'));
    return undefined;
  }
  const text = readImport({ from }, path, 'device facts', context);
  if (text === undefined) return undefined;
  const source = besideFile(context.file, from);
  const imported = importer(text);
  if (!imported.ok) {
    for (const issue of imported.issues) context.issues.push({ ...issue, file: issue.file ?? source });
    return undefined;
  }
  const { fields } = imported.value;
  const before = context.issues.length;
  for (const fact of ALWAYS_GIVEN)
    if (!fact.has(input))
      context.issues.push(missing(path, from, fact.key, fact.example, 'Get-MpComputerStatus does not show it'));
  for (const { field, key, property, get } of EXPORTED) {
    const read: ReadField<string | boolean> | undefined = fields[field];
    const given = get(input);
    if (read === undefined && given === undefined)
      context.issues.push(missing(path, from, key, `${key}: …`, `the export has no usable ${property}`));
    if (read !== undefined && given !== undefined && read.value !== given)
      context.issues.push({
        code: 'device_from_conflict',
        path: [...path, ...key.split('.')],
        message: `${key} is ${quote(given)} here, but ${from}:${read.line}:${read.column} says ${property} ${quote(read.value)}`,
        hint: `remove ${key} and let the export say it, or export the device again`,
      });
  }
  if (context.issues.length > before) return undefined;
  const pick = <T>(field: ReadField<T> | undefined, given: T | undefined) => field?.value ?? given;
  const merged: Facts = {
    ...input,
    tamperProtection: pick(fields.tamperProtection, input.tamperProtection),
    mdav: {
      ...input.mdav,
      installed: pick(fields.installed, input.mdav?.installed),
      platform: pick(fields.platform, input.mdav?.platform),
      engine: pick(fields.engine, input.mdav?.engine),
    },
  };
  const mismatch = modeMismatch(merged, imported.value, path, from, context);
  if (mismatch !== undefined) context.issues.push(mismatch);
  return merged;
}

/**
 * A warning when the mode the export shows is not the mode the written facts resolve to at the start: one
 * of them is not this device as it is (a primary AV or onboarding written wrong, or an old export).
 * A warning, not an error: settings (C5) and timeline changes may explain it.
 */
function modeMismatch(facts: Facts, status: StatusDevice, path: Path, from: string, context: ImportContext): Issue | undefined {
  const resolve = context.options.resolveStartMode;
  const shown = status.facts.AMRunningMode;
  if (resolve === undefined || status.mode === undefined || shown === undefined) return undefined;
  const { mdav, ...rest } = facts;
  const device: DeviceConfig = deviceWithDefaults({
    ...(defined(rest) as Partial<DeviceConfig>),
    name: facts.name,
    os: facts.os,
    ...(mdav === undefined ? {} : { mdav: defined(mdav) as DeviceConfig['mdav'] }),
  });
  const resolved = resolve(device);
  if (resolved.mode === status.mode) return undefined;
  return {
    code: 'device_from_mode_mismatch',
    path: [...path, 'from'],
    severity: 'warning',
    message: `${from}:${shown.line}:${shown.column} shows AMRunningMode ${quote(shown.value)} (${status.mode}), but the facts written here resolve to ${resolved.mode}: ${resolved.message}`,
    hint: 'check primaryAv, onboarded and os against the device, or export it again',
  };
}
