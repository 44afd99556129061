/** Applies `--set KEY=VALUE` overrides to a parsed document before validation, to explore what-ifs. */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, YAMLMap, type Document } from 'yaml';
import type { Issue, Path } from '../../core/issue.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import { escapeInvisible, quote } from '../../core/quote.ts';

/** An override that was applied, with its path (device names resolved to indexes) for later messages. */
export interface AppliedOverride {
  readonly text: string;
  readonly path: Path;
}

/** Overrides one command line may give: what-ifs name a few keys; more is a script that should edit the file. */
export const MAX_OVERRIDES = 100;
/** Characters in one `KEY=VALUE`: the longest value a scenario key needs is a path or a short list. */
export const MAX_OVERRIDE_LENGTH = 4096;

const KEY_FORM = /^[^.[\]=\s]+(?:\[\d+\])*(?:\.[^.[\]=\s]+(?:\[\d+\])*)*$/;

function parseKey(key: string): Path {
  const path: (string | number)[] = [];
  for (const match of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    path.push(match[2] === undefined ? (match[1] ?? '') : Number(match[2]));
  return path;
}

/** The value as YAML reads it (the text itself when it does not parse), or undefined when it uses aliases or anchors. */
function parseValue(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { schema: 'core', version: '1.2' });
  if (doc.errors.length > 0) return { value: text };
  let linked = false;
  // An override is one value: an alias could only name an anchor of the scenario, which it cannot see.
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node) || node.anchor !== undefined) linked = true;
      return linked ? visit.BREAK : undefined;
    },
  });
  return linked ? undefined : { value: doc.toJS() as unknown };
}

function overrideIssue(text: string, path: Path, message: string, hint?: string, expected?: string): Issue {
  return { code: 'bad_override', path, message: `--set ${escapeInvisible(text)}: ${message}`, expected, hint };
}

/**
 * Sets each `KEY=VALUE` in `doc`: KEY is a dotted path with `[n]` indexes (`devices[0].mdav.cloudProtection`),
 * a list of named maps may be indexed by name (`devices.ws-01.primaryAv`), and VALUE is read as a YAML
 * scalar or flow value. Missing maps on the way are created. Returns what was applied and an issue for
 * each override that could not be.
 *
 * @example
 * applyOverrides(doc, ['tenant.edrBlockMode=false']); // { applied: [{ path: ['tenant', 'edrBlockMode'], … }], issues: [] }
 */
export function applyOverrides(doc: Document, overrides: readonly string[]): { applied: AppliedOverride[]; issues: Issue[] } {
  const applied: AppliedOverride[] = [];
  const issues: Issue[] = [];
  if (overrides.length > MAX_OVERRIDES) {
    const message = `${overrides.length} --set overrides, more than the ${MAX_OVERRIDES} allowed`;
    return {
      applied,
      issues: [
        {
          code: 'bad_override',
          path: [],
          message,
          expected: `at most ${MAX_OVERRIDES} --set options`,
          hint: 'edit the scenario file, or split the what-ifs into several runs',
        },
      ],
    };
  }
  for (const text of overrides) {
    if (text.length > MAX_OVERRIDE_LENGTH) {
      issues.push(
        overrideIssue(
          `${text.slice(0, 40)}…`,
          [],
          `is ${text.length} characters long, more than ${MAX_OVERRIDE_LENGTH}`,
          'put long values in the scenario file',
          `at most ${MAX_OVERRIDE_LENGTH} characters`,
        ),
      );
      continue;
    }
    const equals = text.indexOf('=');
    const key = equals < 0 ? text : text.slice(0, equals).trim();
    if (equals < 0 || !KEY_FORM.test(key)) {
      issues.push(
        overrideIssue(
          text,
          [],
          equals < 0 ? 'has no "="' : `${quote(key)} is not a key path`,
          'write KEY=VALUE, e.g. --set tenant.edrBlockMode=false or --set devices[0].mdav.cloudProtection=false',
          'KEY=VALUE',
        ),
      );
      continue;
    }
    const value = parseValue(text.slice(equals + 1).trim());
    if (value === undefined) {
      issues.push(
        overrideIssue(
          text,
          [],
          'a value cannot use YAML aliases or anchors (*a, &a)',
          'write the value itself, e.g. --set devices[0].os=windows-11',
          'a YAML scalar or flow value',
        ),
      );
      continue;
    }
    const result = setPath(doc, parseKey(key), value.value, text);
    if ('issue' in result) issues.push(result.issue);
    else applied.push({ text, path: result.path });
  }
  return { applied, issues };
}

function setPath(doc: Document, keys: Path, value: unknown, text: string): { path: Path } | { issue: Issue } {
  if (!isMap(doc.contents)) return { issue: overrideIssue(text, [], 'the scenario is not a map of keys') };
  let node: unknown = doc.contents;
  const path: (string | number)[] = [];
  for (let i = 0; i < keys.length; i++) {
    const segment = keys[i] as string | number;
    const last = i === keys.length - 1;
    for (let hops = 0; isAlias(node) && hops < 8; hops++) node = node.resolve(doc);
    if (isMap(node)) {
      const name = String(segment);
      path.push(name);
      if (last) node.set(doc.createNode(name), doc.createNode(value));
      else if (!node.has(name)) {
        if (typeof keys[i + 1] === 'number') return { issue: overrideIssue(text, path, `there is no list at ${name} to index`) };
        node.set(doc.createNode(name), new YAMLMap());
      }
      node = node.get(name, true);
    } else if (isSeq(node)) {
      const index =
        typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : findByName(node.items, segment);
      if (typeof index === 'string')
        return { issue: overrideIssue(text, path, `no item named ${quote(segment)}`, index === '' ? undefined : index) };
      path.push(index);
      if (index > node.items.length || (!last && index === node.items.length)) {
        return {
          issue: overrideIssue(
            text,
            path,
            `there is no item [${index}]: the list has ${node.items.length}`,
            `use an index from 0 to ${node.items.length - 1}`,
          ),
        };
      }
      if (last) node.set(index, doc.createNode(value));
      node = node.items[index];
    } else {
      return {
        issue: overrideIssue(
          text,
          path,
          `${path.length === 0 ? 'the scenario' : String(path[path.length - 1])} is a value, not a map or list`,
        ),
      };
    }
  }
  return { path };
}

/** The index of the map item whose `name` is `name`, or a "did you mean" hint ('' when none) when there is none. */
function findByName(items: readonly unknown[], name: string): number | string {
  const names: string[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const own = isMap(item) ? item.get('name', true) : undefined;
    const text = isScalar(own) ? String(own.value) : undefined;
    if (text === name) return index;
    if (text !== undefined) names.push(text);
  }
  return didYouMean(name, names) ?? '';
}
