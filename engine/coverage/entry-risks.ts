/** The risks of one exclusion entry or indicator, each with a narrower alternative as a hint and its reference §. */
import { normalizePath, type ExclusionEntry } from '../policy/exclusions/index.ts';
import { RISKY_EXTENSIONS, RISKY_PROCESSES } from '../policy/exclusions/risky-entries.ts';
import type { Indicator } from '../policy/indicators/index.ts';

/** One risk: a stable snake_case code, what it means, the narrower alternative, and the reference § it rests on. */
export interface EntryRisk {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
  readonly cite: string;
}

// Folders any user (or malware running as one) can write to: the user profile, temp folders, public folders.
const USER_WRITABLE = /(^|\\)(users|temp|tmp|appdata|downloads|public)(\\|$)|%(userprofile|temp|tmp|appdata|localappdata|public)%/i;

/**
 * The risks of an exclusion entry: a user-writable or temp folder, an extension-wide entry (or one excl-mistakes
 * names), that non-admins can enumerate exclusions (§4.1, atomic-red-team T1564.012), and that EDR in block mode
 * honours it (§3.8, §4.5), so behaviour detections on its files are not remediated while the EDR alert remains.
 *
 * @example
 * exclusionRisks(entry).map((risk) => risk.code); // ['user_writable_folder', 'enumerable', 'block_mode_no_remediation']
 */
export function exclusionRisks(entry: ExclusionEntry): EntryRisk[] {
  const risks: EntryRisk[] = [];
  if (entry.kind === 'path' && USER_WRITABLE.test(normalizePath(entry.text))) {
    risks.push({
      code: 'user_writable_folder',
      message: `${entry.text} is a user-writable or temp folder: anyone who can write there can drop a file that is not scanned`,
      hint: 'exclude the one file or a folder only administrators can write to (e.g. under C:\\Program Files\\), not the whole folder',
      cite: '§4.4',
    });
  }
  if (entry.kind === 'extension') {
    const named = RISKY_EXTENSIONS.has(entry.extension.toLowerCase()) ? ` (.${entry.extension} is on Microsoft's never-exclude list)` : '';
    risks.push({
      code: 'extension_wide',
      message: `.${entry.extension} is excluded in every folder on every drive${named}`,
      hint: `exclude it in one folder with a path pattern instead, e.g. D:\\Data\\*.${entry.extension}`,
      cite: '§4.4',
    });
  }
  if (entry.kind === 'process' && entry.process.kind === 'image' && RISKY_PROCESSES.has(entry.process.image.toLowerCase())) {
    risks.push({
      code: 'risky_process',
      message: `${entry.process.image} is on Microsoft's never-exclude list: every file it opens is unscanned`,
      hint: 'exclude the process by its full path in its install folder, or the files it needs by path',
      cite: '§4.4',
    });
  }
  risks.push({
    code: 'enumerable',
    message:
      'non-admins can list exclusions with Get-MpPreference or the registry unless they are hidden; attackers enumerate them to place payloads (atomic-red-team T1564.012)',
    hint: 'set HideExclusionsFromLocalAdmins=1 (it implies HideExclusionsFromLocalUsers); the entry is still enforced',
    cite: '§4.1',
  });
  risks.push({
    code: 'block_mode_no_remediation',
    message:
      'EDR in block mode honours this exclusion: behaviour detections on the files it matches are not remediated, while the EDR alert remains (§4.5: excluded files still raise EDR alerts)',
    hint: 'narrow the entry to the exact files that need it, so block mode can still remediate the rest',
    cite: '§3.8',
  });
  return risks;
}

/**
 * The risks of an indicator: EDR in block mode honours no indicator (§3.8), so an Allow does not stop its
 * remediation and a Block adds nothing on passive devices.
 *
 * @example
 * indicatorRisks({ action: 'Allowed', … })[0].code; // 'not_honoured_by_block_mode'
 */
export function indicatorRisks(indicator: Indicator): EntryRisk[] {
  return [
    {
      code: 'not_honoured_by_block_mode',
      message: `EDR in block mode and passive Defender Antivirus do not honour indicators: this ${indicator.action} acts on devices with active Defender Antivirus only`,
      hint:
        indicator.action === 'Allowed'
          ? 'to stop block mode remediating a false positive, submit the file or add a narrow path exclusion for it'
          : 'on passive devices, rely on EDR in block mode and the primary antivirus, or make Defender Antivirus active',
      cite: '§3.8',
    },
  ];
}
