// Lists from imports can hold hundreds of thousands of entries: no step may spread one into a call's arguments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLICY_LOAD_OPTIONS, runScenario } from '../../engine/run-scenario.ts';
import { ok } from '../../engine/core/issue.ts';
import { importMpPreference } from '../../engine/policy/exclusions/index.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts file under `folder`, relative to the checkout. */
function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

/**
 * Spreads of lists that stay small whatever the input: the reasons of one artifact's layers, a path's
 * few nodes, a union's options, a bench chart's few points. Anything else must use append/maxOf/minOf.
 */
const BOUNDED = new Set([
  'engine/pipeline/layers/mdav.ts: trace.reasons.push(...ctx.indicatorReasons)',
  'engine/pipeline/layers/mdav.ts: trace.reasons.push(...decision.reasons)',
  'engine/pipeline/layers/edr.ts: trace.reasons.push(...ctx.blockModeReasons)',
  'engine/scenario/text/locate.ts: candidates.push(...[...trail.nodes].reverse())',
  'engine/scenario/text/schema-at.ts: Math.max(0, ...(def.options',
  'engine/train/render-reveal.ts: lines.push(...first.reasons',
  'engine/train/render-timeline.ts: lines.push(`  ${at}  ${head ??',
  'bench/curve-steps.ts: steps.push(...ordered',
  'bench/render-bench-svg.ts: Math.min(...xs)',
  'bench/render-bench-svg.ts: Math.max(...xs, x0 + 1)',
  'bench/render-bench-svg.ts: Math.max(2.5, (p.goal ?? 0) * 1.5, ...all',
]);

describe('stack safety', () => {
  it('should import 600,000 exclusions from Get-MpPreference JSON', () => {
    // Past ~500,000 arguments a spread overflows the stack even in a test worker's larger stack.
    const paths = Array.from({ length: 600_000 }, (_, i) => `D:\\Data\\d${i}\\`);
    const imported = importMpPreference(
      JSON.stringify({ ExclusionPath: paths, ExclusionExtension: null, ExclusionProcess: null }),
    );
    expect(imported.ok && imported.value.paths.length).toBe(600_000);
  });

  it('should load and run a scenario importing 200,000 exclusions', () => {
    const entries = 200_000;
    const paths = Array.from({ length: entries }, (_, i) => `D:\\Data\\d${i}\\`);
    // Get-MpPreference | Format-List text: one property per line, the list in braces.
    const mppref = `ExclusionExtension : {log}\r\nExclusionPath      : {${paths.join(', ')}}\r\nExclusionProcess   :\r\n`;
    const text = [
      'name: Huge import',
      'devices: [{ name: ws-01, os: windows-11 }]',
      'exclusions: { from: mppref.txt }',
      'timeline:',
      `  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'D:\\Data\\d${entries - 1}\\x.exe', class: malicious } }`,
      'expect:',
      // §4.5: an MDAV exclusion lets the file through, and the EDR sensor still alerts.
      '  - { artifact: a1, outcome: detected }',
      '',
    ].join('\n');
    const loaded = loadScenario(text, 'huge.yaml', { ...POLICY_LOAD_OPTIONS, readFile: () => ok(mppref) });
    expect(loaded.ok ? [] : loaded.issues.slice(0, 3)).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.value.exclusions.paths).toHaveLength(entries);
    expect(runScenario(loaded.value).passed).toBe(true);
  });

  it('should spread no list into push, Math.max or Math.min in engine/ or bench/, except the known small ones', () => {
    const found: string[] = [];
    for (const file of [...sources('engine'), ...sources('bench')]) {
      for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
        // A spread straight into the call's arguments; one inside an object or array literal is fine.
        const spread = /(?:\.push|Math\.max|Math\.min)\((?:[^(){}[\]]*,\s*)?\.\.\./.test(line);
        if (!spread || /^\s*(\/\/|\/?\*)/.test(line)) continue;
        const [known] = [...BOUNDED].filter(
          (entry) => entry.startsWith(`${file}: `) && line.includes(entry.slice(file.length + 2)),
        );
        if (known === undefined) found.push(`${file}: ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
