/** Where a change's entry is written in a policy file's text, for findings at a line (SARIF). */
import type { PolicyChange } from './policy-change.ts';
import { indicatorTypeValue } from './policy-change.ts';

/** The text a change's entry is found by in its file: the entry as written, an indicator's value, a setting's or group's name. */
function needle(change: PolicyChange): string {
  switch (change.kind) {
    case 'exclusion-added':
    case 'exclusion-removed':
      return change.text;
    case 'indicator-added':
    case 'indicator-removed':
    case 'indicator-changed':
      return indicatorTypeValue(change.head ?? change.base).value;
    case 'setting':
    case 'tenant-switch':
      return change.name;
    case 'device-group':
      return change.name;
  }
}

/**
 * The 1-based line and column of the first place `text` holds the change's entry, as written or with
 * each `\` doubled (a YAML or JSON double-quoted string); an indicator's hash is found in any case.
 * Undefined when the text does not hold it (an entry that came from an import file).
 *
 * @example
 * locateEntry("exclusions:\n  paths: ['C:\\Temp\\']\n", change); // { line: 2, column: 11 }
 */
export function locateEntry(text: string, change: PolicyChange): { line: number; column: number } | undefined {
  const wanted = needle(change);
  if (wanted === '' || wanted === '?') return undefined;
  const lower = text.toLowerCase();
  for (const form of [wanted, wanted.replace(/\\/g, '\\\\')]) {
    const at = lower.indexOf(form.toLowerCase());
    if (at < 0) continue;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { line, column: at - before.lastIndexOf('\n') };
  }
  return undefined;
}
