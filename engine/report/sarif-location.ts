/** Where a SARIF result is: a file as a relative URI reference, and the line and column in it. */
import type { SarifLocation } from './sarif-input.ts';

/**
 * A SARIF `location` at `uri`: the region's start line and column when they are whole numbers ≥ 1 (a
 * column only with a line), else the file alone.
 *
 * @example
 * physicalLocation('a.yaml', { file: 'a.yaml', line: 4, column: 3 });
 * // { physicalLocation: { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 4, startColumn: 3 } } }
 */
export function physicalLocation(uri: string, location: SarifLocation): unknown {
  const line = location.line !== undefined && location.line >= 1 ? Math.floor(location.line) : undefined;
  const column =
    line !== undefined && location.column !== undefined && location.column >= 1 ? Math.floor(location.column) : undefined;
  const region = line === undefined ? undefined : { startLine: line, ...(column === undefined ? {} : { startColumn: column }) };
  return { physicalLocation: { artifactLocation: { uri }, ...(region === undefined ? {} : { region }) } };
}

/**
 * A relative path as a URI reference: each segment percent-encoded (a space, `#`, `%`, `?` or a non-ASCII
 * letter in a file name), `/` kept. A lone surrogate, which no URI can carry, is read as U+FFFD.
 *
 * @example
 * fileUri('my policies/50%.yaml'); // 'my%20policies/50%25.yaml'
 */
export function fileUri(path: string): string {
  const wellFormed = path.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}
