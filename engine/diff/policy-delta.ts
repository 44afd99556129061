/** BASE → HEAD as a list of entry-level changes, and BASE with any subset of them applied. */
import type { ConflictSettings, DeviceGroupConfig, ExclusionLists } from '../core/config.ts';
import { EMPTY_EXCLUSIONS } from '../core/config.ts';
import type { ExclusionListName } from '../policy/exclusions/index.ts';
import type { DiffPolicy, TenantPolicy } from './diff-policy.ts';
import { changeTitle, indicatorTypeValue, type PolicyChange, type PolicyChangeBody } from './policy-change.ts';

/** The policy parts without the source's identity: what changes apply to. */
export type PolicyParts = Omit<DiffPolicy, 'source' | 'what' | 'text'>;

const LISTS: readonly ExclusionListName[] = ['paths', 'extensions', 'processes'];

/**
 * Each side with the parts only the other carries filled in from it: a part one side does not carry (an
 * indicator CSV carries no exclusions) is the same on both sides, so it is no change.
 */
export function alignSides(base: DiffPolicy, head: DiffPolicy): { base: DiffPolicy; head: DiffPolicy } {
  const fill = (side: DiffPolicy, other: DiffPolicy): DiffPolicy => ({
    ...side,
    tenant: side.tenant ?? other.tenant,
    settings: side.settings ?? other.settings,
    exclusions: side.exclusions ?? other.exclusions,
    indicators: side.indicators ?? other.indicators,
    deviceExclusions:
      side.deviceExclusions === undefined && other.deviceExclusions === undefined
        ? undefined
        : { ...other.deviceExclusions, ...side.deviceExclusions },
  });
  return { base: fill(base, head), head: fill(head, base) };
}

/** Indicator entries keyed `type|value` (lower case), the n-th repeat of a pair suffixed `#n`. */
function keyed(raw: readonly unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const entry of raw) {
    const { type, value } = indicatorTypeValue(entry);
    const base = `${type}|${value}`.toLowerCase();
    let key = base;
    for (let n = 2; map.has(key); n++) key = `${base}#${n}`;
    map.set(key, entry);
  }
  return map;
}

const fieldsOf = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};

function listDelta(base: ExclusionLists, head: ExclusionLists, device: string | undefined, out: PolicyChangeBody[]): void {
  for (const list of LISTS) {
    const left = [...base[list]];
    const added: string[] = [];
    for (const text of head[list]) {
      const at = left.indexOf(text);
      if (at >= 0) left.splice(at, 1);
      else added.push(text);
    }
    const extra = device === undefined ? {} : { device };
    for (const text of left) out.push({ kind: 'exclusion-removed', list, text, ...extra });
    for (const text of added) out.push({ kind: 'exclusion-added', list, text, ...extra });
  }
}

function tenantDelta(base: TenantPolicy, head: TenantPolicy, out: PolicyChangeBody[]): void {
  for (const name of ['edrBlockMode', 'allowOrBlockFile'] as const) {
    if (base[name] !== head[name]) out.push({ kind: 'tenant-switch', name, base: base[name], head: head[name] });
  }
  const groups = (list: readonly DeviceGroupConfig[]) => new Map(list.map((group) => [group.name, group]));
  const [b, h] = [groups(base.deviceGroups), groups(head.deviceGroups)];
  for (const name of new Set([...b.keys(), ...h.keys()])) {
    const [was, is] = [b.get(name), h.get(name)];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    out.push({
      kind: 'device-group',
      name,
      ...(was === undefined ? {} : { base: was }),
      ...(is === undefined ? {} : { head: is }),
    });
  }
}

/**
 * The entry-level changes from BASE to HEAD (sides aligned by {@link alignSides}), in a stable order:
 * tenant, settings, global exclusions, indicators, device exclusions. Ids are `c1`, `c2`, ….
 *
 * @example
 * policyDelta(base, head).map((c) => c.title); // ['path exclusion added: C:\\Temp\\']
 */
export function policyDelta(base: PolicyParts, head: PolicyParts): PolicyChange[] {
  const out: PolicyChangeBody[] = [];
  if (base.tenant !== undefined && head.tenant !== undefined) tenantDelta(base.tenant, head.tenant, out);
  if (base.settings !== undefined && head.settings !== undefined) {
    for (const name of Object.keys(head.settings) as (keyof ConflictSettings)[]) {
      if (base.settings[name] !== head.settings[name])
        out.push({ kind: 'setting', name, base: base.settings[name], head: head.settings[name] });
    }
  }
  if (base.exclusions !== undefined && head.exclusions !== undefined) listDelta(base.exclusions, head.exclusions, undefined, out);
  if (base.indicators !== undefined && head.indicators !== undefined) {
    const [b, h] = [keyed(base.indicators), keyed(head.indicators)];
    for (const [key, was] of b) {
      const is = h.get(key);
      if (is === undefined) out.push({ kind: 'indicator-removed', key, base: was, fields: [] });
      else {
        const [wf, hf] = [fieldsOf(was), fieldsOf(is)];
        // Type and value are the key (the value compared in any case, as hashes are); the rest is what changed.
        const fields = [...new Set([...Object.keys(wf), ...Object.keys(hf)])].filter(
          (field) => field !== 'type' && field !== 'value' && JSON.stringify(wf[field]) !== JSON.stringify(hf[field]),
        );
        if (fields.length > 0) out.push({ kind: 'indicator-changed', key, base: was, head: is, fields });
      }
    }
    for (const [key, is] of h) if (!b.has(key)) out.push({ kind: 'indicator-added', key, head: is, fields: [] });
  }
  const [bd, hd] = [base.deviceExclusions ?? {}, head.deviceExclusions ?? {}];
  for (const device of [...new Set([...Object.keys(bd), ...Object.keys(hd)])].sort()) {
    listDelta(bd[device] ?? EMPTY_EXCLUSIONS, hd[device] ?? EMPTY_EXCLUSIONS, device, out);
  }
  return out.map((change, i) => ({ ...change, id: `c${i + 1}`, title: changeTitle(change) }));
}

function applyList(lists: ExclusionLists, change: { kind: string; list: ExclusionListName; text: string }): ExclusionLists {
  const list = [...lists[change.list]];
  if (change.kind === 'exclusion-added') list.push(change.text);
  else {
    const at = list.indexOf(change.text);
    if (at >= 0) list.splice(at, 1);
  }
  return { ...lists, [change.list]: list };
}

/**
 * BASE with `changes` applied, in any order (they touch distinct entries): applying the whole delta
 * gives HEAD's decisions, applying none gives BASE.
 *
 * @example
 * applyChanges(base, [delta[0]]); // BASE plus the first change only
 */
export function applyChanges(base: PolicyParts, changes: readonly PolicyChange[]): PolicyParts {
  let { tenant, settings, exclusions, indicators, deviceExclusions } = base;
  for (const change of changes) {
    switch (change.kind) {
      case 'exclusion-added':
      case 'exclusion-removed':
        if (change.device === undefined) exclusions = applyList(exclusions ?? EMPTY_EXCLUSIONS, change);
        else {
          const own = deviceExclusions?.[change.device] ?? EMPTY_EXCLUSIONS;
          deviceExclusions = { ...deviceExclusions, [change.device]: applyList(own, change) };
        }
        break;
      case 'indicator-added':
      case 'indicator-removed':
      case 'indicator-changed': {
        const map = keyed(indicators ?? []);
        if (change.head === undefined) map.delete(change.key);
        else map.set(change.key, change.head);
        indicators = [...map.values()];
        break;
      }
      case 'setting':
        settings = settings === undefined ? settings : { ...settings, [change.name]: change.head };
        break;
      case 'tenant-switch':
        tenant = tenant === undefined ? tenant : { ...tenant, [change.name]: change.head };
        break;
      case 'device-group': {
        if (tenant === undefined) break;
        const rest = tenant.deviceGroups.filter((group) => group.name !== change.name);
        tenant = { ...tenant, deviceGroups: change.head === undefined ? rest : [...rest, change.head] };
        break;
      }
    }
  }
  return { tenant, settings, exclusions, indicators, deviceExclusions };
}
