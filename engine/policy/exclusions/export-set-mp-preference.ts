/** Exclusion lists written back as a PowerShell script of `Set-MpPreference` or `Add-MpPreference` lines (§4.1), ready to deploy. */
import type { ExclusionLists } from '../../core/config.ts';
import { forPowerShell } from '../../core/escape.ts';
import type { Issue } from '../../core/issue.ts';
import { quoteExcerpt } from '../../core/quote.ts';

export interface SetMpPreferenceOptions {
  /** `set` (default) replaces each list on the device with the scenario's; `add` adds to what is there. */
  readonly mode?: 'set' | 'add';
  /** Written in the script's header comment (escaped). Default none. */
  readonly title?: string;
}

const PARAMETERS = [
  ['paths', 'ExclusionPath'],
  ['extensions', 'ExclusionExtension'],
  ['processes', 'ExclusionProcess'],
] as const;

// A line break or control character in an entry is never part of a real path; in a script it would
// read as a second line to a reviewer even though the quotes keep it text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * A PowerShell script that configures `lists` on a device: one `Set-MpPreference` (or `Add-MpPreference`)
 * line per non-empty list, every entry a single-quoted literal (`forPowerShell`), so `$`, backticks and
 * quotes in a path stay text. An empty list is left alone on the device and says so in a comment
 * (the script never removes entries; that is `Remove-MpPreference`).
 * Entries holding control characters are not written, each with an issue.
 *
 * @example
 * exportSetMpPreference({ paths: ["C:\\it's"], extensions: [], processes: [] }).text;
 * // "…\nSet-MpPreference -ExclusionPath @('C:\\it''s')\n…"
 */
export function exportSetMpPreference(
  lists: ExclusionLists,
  options: SetMpPreferenceOptions = {},
): { readonly text: string; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  const verb = options.mode === 'add' ? 'Add-MpPreference' : 'Set-MpPreference';
  // The title sits in a `#` comment: a line break in it would end the comment, so every control character becomes a space.
  const title = options.title === undefined ? '' : ` ${options.title.replace(new RegExp(UNSAFE.source, 'g'), ' ')}`;
  const lines = [
    `# Microsoft Defender Antivirus exclusions, written by edrsim export${title}`,
    '# Run in an elevated PowerShell session on the device (§4.1).',
    "$ErrorActionPreference = 'Stop'",
  ];
  for (const [key, parameter] of PARAMETERS) {
    const entries = lists[key].filter((entry, index) => {
      if (!UNSAFE.test(entry)) return true;
      issues.push({
        code: 'export_unsafe_entry',
        path: [key, index],
        message: `${quoteExcerpt(entry)} holds a control character and was not written to the script`,
        hint: 'remove the control character from the entry; no Windows path holds one',
      });
      return false;
    });
    lines.push(
      entries.length === 0
        ? `# ${parameter}: none in the scenario; the device's list is left as it is`
        : `${verb} -${parameter} @(${entries.map(forPowerShell).join(', ')})`,
    );
  }
  return { text: `${lines.join('\r\n')}\r\n`, issues };
}
