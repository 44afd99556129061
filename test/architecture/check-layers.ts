/** Checks an import graph against the layer table: arrows, packages, cycles (type imports included) and node:fs. */
import { isBuiltin } from 'node:module';
import type { ImportGraph } from './read-imports.ts';
import { FS_ALLOWED, layerOf, type LayerRule } from './layer-table.ts';

/** One broken rule, worded for the person who broke it. */
export interface Violation {
  readonly rule: 'arrow' | 'package' | 'cycle' | 'fs' | 'no-layer' | 'dynamic';
  readonly file: string;
  readonly message: string;
}

const FS = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

/**
 * `rule` may import the package `specifier` (`node:fs/promises` counts as `node:fs`, `yaml/util` as `yaml`). Node's
 * own list says what is built in: a hand-written one missed `node:timers/promises`, which `node:*` allows.
 */
function packageAllowed(rule: LayerRule, specifier: string): boolean {
  if (isBuiltin(specifier)) {
    const module = specifier.replace(/^node:/, '').split('/')[0];
    return rule.packages.includes('node:*') || rule.packages.includes(`node:${module}`);
  }
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
  return rule.packages.includes(specifier) || rule.packages.includes(name);
}

function arrowViolations(graph: ImportGraph): Violation[] {
  const found: Violation[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    if (from === undefined) {
      found.push({ rule: 'no-layer', file, message: `${file} is in no row of the layer table (ARCHITECTURE.md)` });
      continue;
    }
    for (const imported of imports) {
      if (imported.specifier === '<expression>') {
        found.push({
          rule: 'dynamic',
          file,
          message: `${file}: import() of a computed name cannot be checked; import a literal path`,
        });
      } else if (imported.target === undefined) {
        if (!packageAllowed(from, imported.specifier))
          found.push({ rule: 'package', file, message: `${file} (${from.layer}) may not import '${imported.specifier}'` });
      } else {
        const to = layerOf(imported.target);
        if (to === undefined)
          found.push({
            rule: 'no-layer',
            file,
            message: `${file} imports ${imported.target}, which is in no row of the layer table`,
          });
        else if (
          to.layer !== from.layer &&
          !from.imports.includes(to.layer) &&
          !(imported.typeOnly && from.typesFrom?.includes(to.layer))
        ) {
          const how = imported.typeOnly ? 'types from ' : '';
          found.push({
            rule: 'arrow',
            file,
            message: `${file} (${from.layer}) may not import ${how}${imported.target} (${to.layer})`,
          });
        }
      }
    }
  }
  return found;
}

function fsViolations(graph: ImportGraph): Violation[] {
  const found: Violation[] = [];
  for (const [file, imports] of graph) {
    for (const imported of imports.filter((one) => FS.has(one.specifier))) {
      const allowed = FS_ALLOWED[file];
      const extra = allowed === undefined ? imported.names : imported.names.filter((name) => !allowed.includes(name));
      if (allowed === undefined)
        found.push({
          rule: 'fs',
          file,
          message: `${file} imports node:fs; only the reader (engine/io/) and the CLI's output writer may`,
        });
      else if (extra.length > 0)
        found.push({
          rule: 'fs',
          file,
          message: `${file} may not use ${extra.join(', ')} from node:fs (allowed: ${allowed.join(', ')})`,
        });
    }
  }
  return found;
}

/** Every cycle of files (Tarjan's strongly connected components), type-only imports included. */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const { target } of graph.get(file) ?? []) {
      if (target === undefined || !graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfLoop = (graph.get(file) ?? []).some((one) => one.target === file);
    if (component.length > 1 || selfLoop) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/**
 * Every violation of the layer table in `graph`; empty when the architecture holds.
 *
 * @example
 * checkLayers(new Map([['engine/core/a.ts', [{ specifier: '../cli/io.ts', target: 'engine/cli/io.ts', typeOnly: true, dynamic: false, names: ['Io'] }]]]));
 * // [{ rule: 'arrow', file: 'engine/core/a.ts', message: 'engine/core/a.ts (core) may not import types from engine/cli/io.ts (cli)' }]
 */
export function checkLayers(graph: ImportGraph): Violation[] {
  const cycles = findCycles(graph).map((files): Violation => ({
    rule: 'cycle',
    file: files[0] ?? '',
    message: `import cycle: ${files.join(' ↔ ')}`,
  }));
  return [...arrowViolations(graph), ...cycles, ...fsViolations(graph)];
}
