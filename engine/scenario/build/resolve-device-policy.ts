/** A device's policy sources besides its own lists: Intune policies assigned to it and a local admin's lists (§4.1 merge). */
import { append } from '../../core/append.ts';
import { EMPTY_EXCLUSIONS, type ExclusionLists } from '../../core/config.ts';
import type { Issue, Path } from '../../core/issue.ts';
import type { DeviceInput } from '../schema/device-schema.ts';
import { besideFile, readImport, resolveExclusions, type ImportContext } from './resolve-imports.ts';

type Combined = ReturnType<NonNullable<ImportContext['options']['importIntunePolicies']>>;
const CACHE = new WeakMap<ImportContext, Map<string, Combined | undefined>>();

type PolicySourceKeys = 'exclusions' | 'intune' | 'localExclusions' | 'disableLocalAdminMerge';
type SourcedInput = Omit<DeviceInput, 'name'>;

/** A device (or fleet template) with its policy sources applied: the device keys left, and its exclusion lists. */
export interface ResolvedDevicePolicy<T> {
  readonly input: Omit<T, PolicySourceKeys>;
  readonly exclusions: Partial<ExclusionLists> | undefined;
}

const join = (a: Partial<ExclusionLists> | undefined, b: Partial<ExclusionLists>): ExclusionLists => ({
  paths: [...(a?.paths ?? []), ...(b.paths ?? [])],
  extensions: [...(a?.extensions ?? []), ...(b.extensions ?? [])],
  processes: [...(a?.processes ?? []), ...(b.processes ?? [])],
});

/** The issue when the scenario and an Intune policy both set a device key to different values. */
function setTwice(path: Path, key: string, scenario: unknown, intune: unknown): Issue {
  return {
    code: 'intune_setting_twice',
    path,
    message: `${key} is ${String(scenario)} here, and the device's Intune policy sets it to ${String(intune)}`,
    hint: `remove ${key} from the device, or from the policy, so one source sets it`,
  };
}

/** Reads the `intune` files and applies their settings over the device keys; returns the policy's lists. */
function applyIntune<T extends SourcedInput>(
  input: T,
  path: Path,
  context: ImportContext,
): { input: T; lists?: ExclusionLists; disableLocalAdminMerge?: boolean } {
  if (input.intune === undefined) return { input };
  const at: Path = [...path, 'intune'];
  const importer = context.options.importIntunePolicies;
  const sources = Array.isArray(input.intune) ? input.intune : [input.intune];
  if (importer === undefined) {
    context.issues.push({
      code: 'import_unavailable',
      path: at,
      message: 'cannot import Intune policies: no importer was given',
    });
    return { input };
  }
  // Devices naming the same policies share one read: a thousand devices must not parse one file a thousand times.
  const cache = CACHE.get(context) ?? new Map<string, Combined | undefined>();
  CACHE.set(context, cache);
  const cacheKey = JSON.stringify(sources.map((source) => source.from));
  let combined = cache.get(cacheKey);
  if (!cache.has(cacheKey)) {
    const files: { text: string; file: string }[] = [];
    sources.forEach((source, i) => {
      const text = readImport(source, Array.isArray(input.intune) ? [...at, i] : at, 'an Intune policy', context);
      if (text !== undefined) files.push({ text, file: besideFile(context.file, source.from) });
    });
    combined = files.length < sources.length ? undefined : importer(files);
    cache.set(cacheKey, combined);
    if (combined !== undefined) {
      // Two lists sharing a policy file would repeat its warnings: each problem of a file is listed once.
      const key = (issue: Issue) => `${issue.file}:${issue.line}:${issue.column}:${issue.code}:${issue.message}`;
      const listed = new Set(context.issues.filter((issue) => issue.file !== undefined).map(key));
      append(
        context.issues,
        combined.issues.filter((issue) => !listed.has(key(issue))),
      );
    }
  }
  if (combined === undefined || combined.issues.some((issue) => issue.severity !== 'warning')) return { input };
  const { cloudProtection, passiveRemediation, disableLocalAdminMerge } = combined.settings;
  let device: T = input;
  if (cloudProtection !== undefined) {
    const own = input.mdav?.cloudProtection;
    if (own !== undefined && own !== cloudProtection)
      context.issues.push(setTwice([...path, 'mdav', 'cloudProtection'], 'mdav.cloudProtection', own, cloudProtection));
    device = { ...device, mdav: { ...device.mdav, cloudProtection } };
  }
  if (passiveRemediation !== undefined) {
    const own = input.passiveRemediation;
    if (own !== undefined && own !== passiveRemediation)
      context.issues.push(setTwice([...path, 'passiveRemediation'], 'passiveRemediation', own, passiveRemediation));
    device = { ...device, passiveRemediation };
  }
  if (
    disableLocalAdminMerge !== undefined &&
    input.disableLocalAdminMerge !== undefined &&
    input.disableLocalAdminMerge !== disableLocalAdminMerge
  )
    context.issues.push(
      setTwice(
        [...path, 'disableLocalAdminMerge'],
        'disableLocalAdminMerge',
        input.disableLocalAdminMerge,
        disableLocalAdminMerge,
      ),
    );
  // Counted against the scenario's entry limit and checked by the entry grammar, as an imported list is.
  const lists = resolveExclusions(combined.exclusions, at, context);
  if (lists === undefined) return { input };
  return {
    input: device,
    lists: join(lists, {}),
    ...(disableLocalAdminMerge === undefined ? {} : { disableLocalAdminMerge }),
  };
}

/**
 * Resolves one device's (or fleet template's) exclusion sources at `path`: its own `exclusions`, the
 * combined lists and settings of its `intune` policies, and its `localExclusions`, merged into the
 * policy lists (the scenario's global lists count as policy) unless `disableLocalAdminMerge` (§4.1). A
 * local entry left out is a warning. Without `intune` or `localExclusions` this is `resolveExclusions`.
 *
 * @example
 * resolveDevicePolicy({ os: 'windows-11', localExclusions: { paths: ['C:\\Tmp'] } }, ['devices', 0], context, EMPTY_EXCLUSIONS).exclusions;
 * // { paths: ['C:\\Tmp'], extensions: [], processes: [] }
 */
export function resolveDevicePolicy<T extends SourcedInput>(
  device: T,
  path: Path,
  context: ImportContext,
  global: ExclusionLists = EMPTY_EXCLUSIONS,
): ResolvedDevicePolicy<T> {
  const { exclusions: own, intune: _intune, localExclusions, disableLocalAdminMerge: _disable, ...rest } = device;
  const lists = resolveExclusions(own, [...path, 'exclusions'], context);
  if (device.intune === undefined && localExclusions === undefined) return { input: rest, exclusions: lists };
  const fromIntune = applyIntune(device, path, context);
  const { exclusions: _own, intune: _i, localExclusions: _l, disableLocalAdminMerge: _d, ...input } = fromIntune.input;
  const policy = fromIntune.lists === undefined ? lists : join(lists, fromIntune.lists);
  const local = resolveExclusions(localExclusions, [...path, 'localExclusions'], context);
  const merge = context.options.mergeLocalExclusions;
  if (local === undefined || merge === undefined) return { input, exclusions: policy };
  const disable = device.disableLocalAdminMerge ?? fromIntune.disableLocalAdminMerge ?? false;
  const merged = merge(join(global, policy ?? {}), local, disable);
  append(
    context.issues,
    merged.issues.map((issue) => ({ ...issue, path: [...path, 'localExclusions', ...issue.path] })),
  );
  return { input, exclusions: join(policy, merged.kept) };
}
