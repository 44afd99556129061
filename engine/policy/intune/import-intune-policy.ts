/** Reads Intune antivirus policies exported from Graph (settings catalog or custom OMA-URI profile) with `file:line:col` issues. */
import type { Issue, Path } from '../../core/issue.ts';
import { quoteExcerpt } from '../../core/quote.ts';
import { parseLocatedJson, type LocatedJson } from '../located-json.ts';
import {
  INTUNE_LISTS,
  INTUNE_SETTINGS,
  NOT_MODELLED,
  PASSIVE_REMEDIATION_OMA_URI,
  type IntuneSettingKey,
} from './intune-settings.ts';
import { recogniseIntunePolicy } from './recognise-intune-policy.ts';

/** A value read from one policy, and where. */
export interface IntuneValue<T> {
  readonly value: T;
  /** The setting's place in the file (`value[0].settings[4]`). */
  readonly path: Path;
  readonly line: number;
  readonly column: number;
}

/** One policy as the simulation reads it: its name, its three exclusion lists and its modelled settings. */
export interface IntunePolicy {
  readonly name: string;
  readonly lists: { readonly paths: string[]; readonly extensions: string[]; readonly processes: string[] };
  readonly settings: Partial<Record<IntuneSettingKey, IntuneValue<boolean | number>>>;
}

export interface ImportedIntunePolicies {
  readonly policies: readonly IntunePolicy[];
  /** Errors (the file or a setting is bad) and warnings (a setting is not modelled and is ignored). */
  readonly issues: readonly Issue[];
}

const EXPECTED =
  'GET deviceManagement/configurationPolicies/{id}?$expand=settings (one policy, a list, or { "value": [ … ] }), or a custom profile with omaSettings';
const HINT = 'save the Graph response as it comes; several policies may be listed in one file';
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The policies a document holds: one policy, a list of them, or Graph's `{ value: [ … ] }` page. */
function policiesOf(root: unknown): unknown[] | undefined {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) return undefined;
  if (Array.isArray(root.value)) return root.value;
  return [root];
}

class PolicyReader {
  readonly issues: Issue[] = [];
  constructor(private readonly doc: LocatedJson) {}

  issue(code: string, node: unknown, path: Path, message: string, extra: Partial<Issue> = {}): void {
    this.issues.push({ code, path, ...this.doc.at(node), message, ...extra });
  }

  policy(raw: unknown, index: number): IntunePolicy | undefined {
    const path: Path = ['value', index];
    if (!isObject(raw) || (!Array.isArray(raw.settings) && !Array.isArray(raw.omaSettings))) {
      this.issue('intune_not_a_policy', raw, path, 'the item is not an Intune policy: it has no settings or omaSettings list', {
        expected: EXPECTED,
        hint: HINT,
      });
      return undefined;
    }
    const named = raw.name ?? raw.displayName;
    const name = typeof named === 'string' && named.trim() !== '' ? named : `policy ${index + 1}`;
    const policy: IntunePolicy = { name, lists: { paths: [], extensions: [], processes: [] }, settings: {} };
    if (Array.isArray(raw.settings))
      raw.settings.forEach((setting, i) =>
        this.instance(isObject(setting) ? setting.settingInstance : undefined, setting, [...path, 'settings', i], policy),
      );
    if (Array.isArray(raw.omaSettings)) raw.omaSettings.forEach((oma, i) => this.oma(oma, [...path, 'omaSettings', i], policy));
    return policy;
  }

  private instance(instance: unknown, node: unknown, path: Path, policy: IntunePolicy): void {
    if (!isObject(instance) || typeof instance.settingDefinitionId !== 'string') {
      this.issue('intune_bad_setting', node, path, 'the setting has no settingInstance with a settingDefinitionId', {
        hint: HINT,
      });
      return;
    }
    const id = instance.settingDefinitionId;
    const list = (Object.keys(INTUNE_LISTS) as (keyof typeof INTUNE_LISTS)[]).find((key) => INTUNE_LISTS[key] === id);
    if (list !== undefined) return this.list(instance, path, policy.lists[list]);
    const known = INTUNE_SETTINGS[id];
    if (known === undefined) {
      const why = NOT_MODELLED[id] ?? 'the simulation does not model it';
      this.issue('intune_setting_ignored', instance, path, `setting ${quoteExcerpt(id)} is ignored: ${why}`, {
        severity: 'warning',
      });
    } else {
      const value = this.choice(instance, id, known.kind, path);
      if (value !== undefined) this.set(policy, known.key, value, instance, path);
    }
    // Children of a choice (a setting's dependent settings) are settings of their own.
    const children = isObject(instance.choiceSettingValue) ? instance.choiceSettingValue.children : undefined;
    if (Array.isArray(children)) children.forEach((child, i) => this.instance(child, child, [...path, 'children', i], policy));
  }

  private list(instance: Json, path: Path, into: string[]): void {
    const items = instance.simpleSettingCollectionValue;
    if (!Array.isArray(items)) {
      this.issue(
        'intune_bad_list',
        instance,
        path,
        `${String(instance.settingDefinitionId)} has no simpleSettingCollectionValue list`,
        {
          expected: 'simpleSettingCollectionValue: [ { "value": "C:\\\\Tools" }, … ]',
        },
      );
      return;
    }
    items.forEach((item, i) => {
      const value = isObject(item) ? item.value : undefined;
      if (typeof value === 'string' && value.trim() !== '') into.push(value.trim());
      else
        this.issue(
          'intune_bad_list_item',
          item,
          [...path, 'simpleSettingCollectionValue', i],
          'the exclusion entry has no text value',
          { expected: '{ "value": "…" }' },
        );
    });
  }

  /** The option number of a choice (`<id>_1`), the OR of a choice collection's, or a simple integer. */
  private choice(instance: Json, id: string, kind: 'boolean' | 'bits', path: Path): number | boolean | undefined {
    const options: unknown[] = Array.isArray(instance.choiceSettingCollectionValue)
      ? instance.choiceSettingCollectionValue
      : [instance.choiceSettingValue ?? instance.simpleSettingValue];
    let bits = 0;
    for (const option of options) {
      const raw = isObject(option) ? option.value : undefined;
      const suffix =
        typeof raw === 'string' && raw.startsWith(`${id}_`)
          ? raw.slice(id.length + 1)
          : typeof raw === 'number'
            ? String(raw)
            : '';
      const number = /^\d{1,10}$/.test(suffix) ? Number(suffix) : Number.NaN;
      const fits = kind === 'boolean' ? number === 0 || number === 1 : number <= 0xffffffff;
      if (!fits) {
        this.issue(
          'intune_bad_choice',
          option ?? instance,
          path,
          `${id} has the value ${quoteExcerpt(String(raw))}, not one of its options`,
          {
            expected: kind === 'boolean' ? `${id}_0 or ${id}_1` : `${id}_N with N a bit set such as 1`,
          },
        );
        return undefined;
      }
      bits |= number;
    }
    return kind === 'boolean' ? bits === 1 : bits >>> 0;
  }

  private oma(oma: unknown, path: Path, policy: IntunePolicy): void {
    const uri = isObject(oma) && typeof oma.omaUri === 'string' ? oma.omaUri : undefined;
    if (uri === undefined || uri.toLowerCase() !== PASSIVE_REMEDIATION_OMA_URI.toLowerCase()) {
      const shown = uri === undefined ? 'an OMA-URI setting without omaUri' : `OMA-URI ${quoteExcerpt(uri)}`;
      this.issue(
        'intune_setting_ignored',
        oma,
        path,
        `${shown} is ignored: the simulation reads only ${PASSIVE_REMEDIATION_OMA_URI}`,
        {
          severity: 'warning',
        },
      );
      return;
    }
    const value = (oma as Json).value;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      this.issue(
        'intune_bad_choice',
        oma,
        path,
        `PassiveRemediation has the value ${quoteExcerpt(String(value))}, not an integer bit set`,
        {
          expected: 'an omaSettingInteger value such as 1',
        },
      );
      return;
    }
    this.set(policy, 'passiveRemediation', value, oma, path);
  }

  private set(policy: IntunePolicy, key: IntuneSettingKey, value: number | boolean, node: unknown, path: Path): void {
    if (policy.settings[key] !== undefined) {
      this.issue('intune_setting_twice', node, path, `policy ${quoteExcerpt(policy.name)} sets ${key} twice`, {
        hint: 'keep one of the two settings',
      });
      return;
    }
    (policy.settings as Record<string, IntuneValue<number | boolean>>)[key] = { value, path, ...this.doc.at(node) };
  }
}

/**
 * Reads every policy of an Intune export: the exclusion lists (`excludedpaths`, `excludedextensions`,
 * `excludedprocesses`), cloud protection, `DisableLocalAdminMerge` and `PassiveRemediation` (settings
 * catalog, or a custom profile's OMA-URI, §3.3). Other settings are warnings that name them as ignored;
 * bad values are errors at their line and column. A file that is not such an export is refused whole.
 *
 * @example
 * importIntunePolicy(text).policies[0]?.lists.paths; // ['C:\\Tools']
 */
export function importIntunePolicy(text: string): ImportedIntunePolicies {
  const refuse = (code: string, message: string, line = 1, column = 1): ImportedIntunePolicies => ({
    policies: [],
    issues: [{ code, path: [], line, column, message, expected: EXPECTED, hint: HINT }],
  });
  if (!recogniseIntunePolicy(text))
    return refuse('intune_unrecognised', 'the file is not an Intune policy export: no settingDefinitionId or omaUri key');
  const doc = parseLocatedJson(text);
  if (!doc.ok)
    return refuse(
      'intune_bad_json',
      `the JSON is not valid: ${doc.issues.reason === 'depth' ? 'it nests too deep' : 'it does not parse'}`,
      doc.issues.line,
      doc.issues.column,
    );
  const list = policiesOf(doc.value.value);
  if (list === undefined)
    return refuse('intune_not_a_policy', 'the JSON is not a policy, a list of policies or a { "value": [ … ] } page');
  const reader = new PolicyReader(doc.value);
  const policies = list.map((raw, index) => reader.policy(raw, index)).filter((policy) => policy !== undefined);
  return { policies, issues: reader.issues };
}
