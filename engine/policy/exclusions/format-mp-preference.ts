/** Writes exclusion lists the way `Get-MpPreference` prints them (Format-List text or ConvertTo-Json), for fixtures and round trips. */
import type { ExclusionLists } from '../../core/config.ts';

export interface FormatOptions {
  /** `text` (Format-List, default) or `json` (ConvertTo-Json). */
  readonly format?: 'text' | 'json';
  /** Console width at which Format-List wraps values; default 120. */
  readonly width?: number;
}

// Get-MpPreference pads property names to its longest name; 53 matches a current platform.
const NAME_WIDTH = 53;

const NEIGHBOURS_BEFORE: readonly (readonly [string, string])[] = [
  ['DisableRealtimeMonitoring', 'False'],
  ['EnableNetworkProtection', '0'],
];
const NEIGHBOURS_AFTER: readonly (readonly [string, string])[] = [
  ['ForceUseProxyOnly', 'False'],
  ['HighThreatDefaultAction', '0'],
];

/** One Format-List property, wrapped at `width` with continuation lines under the value column. */
function listLine(name: string, value: string, width: number): string {
  const head = `${name.padEnd(NAME_WIDTH)} : `;
  const room = Math.max(8, width - head.length);
  const lines = [`${head}${value.slice(0, room)}`];
  for (let at = room; at < value.length; at += room) lines.push(`${' '.repeat(head.length)}${value.slice(at, at + room)}`);
  return lines.join('\n');
}

function listValue(items: readonly string[]): string {
  return items.length === 0 ? '' : `{${items.join(', ')}}`;
}

/**
 * Prints lists as `Get-MpPreference` would, with a few neighbouring properties so that fixtures look
 * like the real thing. `importMpPreference` reads the result back to the same lists.
 *
 * @example
 * formatMpPreference({ paths: ['C:\\a'], extensions: [], processes: [] });
 * // '…\nExclusionPath                                         : {C:\\a}\n…'
 */
export function formatMpPreference(lists: ExclusionLists, options: FormatOptions = {}): string {
  if (options.format === 'json') {
    const asJson = (items: readonly string[]): readonly string[] | null => (items.length === 0 ? null : items);
    return JSON.stringify(
      {
        DisableRealtimeMonitoring: false,
        EnableNetworkProtection: 0,
        ExclusionExtension: asJson(lists.extensions),
        ExclusionIpAddress: null,
        ExclusionPath: asJson(lists.paths),
        ExclusionProcess: asJson(lists.processes),
        ForceUseProxyOnly: false,
      },
      null,
      4,
    );
  }
  const width = options.width ?? 120;
  const rows: (readonly [string, string])[] = [
    ...NEIGHBOURS_BEFORE,
    ['ExclusionExtension', listValue(lists.extensions)],
    ['ExclusionIpAddress', ''],
    ['ExclusionPath', listValue(lists.paths)],
    ['ExclusionProcess', listValue(lists.processes)],
    ...NEIGHBOURS_AFTER,
  ];
  return ['', ...rows.map(([name, value]) => listLine(name, value, width)), '', ''].join('\n');
}
