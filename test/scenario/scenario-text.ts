/** Test helpers for scenario/: a minimal scenario, and loading that answers with the scenario or the rendered issues. */
import { readFileSync } from 'node:fs';
import { formatIssues } from '../../engine/core/issue.ts';
import { loadScenario, type LoadOptions, type Scenario } from '../../engine/scenario/index.ts';

/** The smallest valid scenario: a name and one device. */
export const MINIMAL = ['name: demo', 'devices:', '  - name: ws-01', '    os: windows-11', ''].join('\n');

/** The contract's §1 example as text. */
export const CONTRACT_TEXT = readFileSync(new URL('./fixtures/contract.yaml', import.meta.url), 'utf8');

/** Loads `text`; throws with the rendered issues when it is invalid, so a test failure shows them. */
export function loaded(text: string, options: LoadOptions = {}, file = 'demo.yaml'): Scenario {
  const result = loadScenario(text, file, options);
  if (!result.ok) throw new Error(`expected a valid scenario:\n${formatIssues(result.issues)}`);
  return result.value;
}

/** The rendered issues of invalid `text`; throws when it loads, so a test cannot pass by accident. */
export function problems(text: string, options: LoadOptions = {}, file = 'demo.yaml'): string {
  const result = loadScenario(text, file, options);
  if (result.ok) throw new Error('expected issues, but the scenario loaded');
  return formatIssues(result.issues);
}

/** `lines` joined into one YAML text. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
