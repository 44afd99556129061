/** Reads PowerShell `Format-List` output (`Name : value`, long values wrapped under the value column). */

/** One property as printed, with its 1-based line. */
export interface ListProperty {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

const PROPERTY = /^([A-Za-z][A-Za-z0-9_]*)\s*:(?: (.*))?$/;

/**
 * Reads every property of Format-List text. A line that starts with spaces continues the value
 * above: Format-List wraps at the console width anywhere, even mid-word, so the text under the value
 * column is appended as it is. A blank line ends an object.
 *
 * @example
 * readFormatList('ExclusionPath : {C:\\Program\n                 Files}'); // [{ name: 'ExclusionPath', value: '{C:\\Program Files}', line: 1 }]
 */
export function readFormatList(text: string): ListProperty[] {
  const properties: ListProperty[] = [];
  let current: { name: string; value: string; line: number; column: number } | undefined;
  const flush = (): void => {
    if (current !== undefined) properties.push({ name: current.name, value: current.value, line: current.line });
    current = undefined;
  };
  text.split(/\r?\n/).forEach((line, index) => {
    const property = PROPERTY.exec(line);
    if (property !== null) {
      flush();
      current = { name: property[1] ?? '', value: property[2] ?? '', line: index + 1, column: line.indexOf(':') + 2 };
    } else if (current !== undefined && /^\s+\S/.test(line)) {
      const head = line.slice(0, current.column);
      current.value += head.trim() === '' ? line.slice(current.column) : line.trim();
    } else if (line.trim() === '') {
      flush();
    }
  });
  flush();
  return properties;
}

/**
 * Splits a collection value `{a, b}` into items on commas outside `{…}` and quotes, so contextual
 * entries (`x\:{A:b,C:d}`) stay whole. `{}` and an empty value are no items.
 *
 * @example
 * splitListValue('{C:\\a, C:\\b\\:{ScanType:quick,PathType:file}}'); // ['C:\\a', 'C:\\b\\:{ScanType:quick,PathType:file}']
 */
export function splitListValue(value: string): string[] {
  const raw = value.trim();
  const inner = raw.startsWith('{') && raw.endsWith('}') ? raw.slice(1, -1) : raw;
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '{') depth++;
    else if (!quoted && char === '}') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
