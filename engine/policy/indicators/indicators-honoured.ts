/** Whether a device enforces file/certificate indicators at all (§2, §5.2), and the block-mode rule (§3.8). */
import type { ServerAgent } from '../../core/config.ts';
import { reasonFor } from '../../core/reason.ts';
import { isAtLeast, parseVersion, version } from '../../core/version.ts';
import type { MdavMode, OsName, Reason } from '../../core/vocabulary.ts';

// §5.2 unless a reason says otherwise.
const indicatorReason = reasonFor('indicator', '§5.2');

export interface HonouredInput {
  readonly mode: MdavMode;
  /** Advanced feature "Allow or block file" (file indicators only). */
  readonly allowOrBlockFile: boolean;
  readonly cloudProtection: boolean;
  /** AMProductVersion; absent = assume current. */
  readonly platform?: string;
  /** Default `file`. Certificates need active MDAV, cloud protection and 4.18.1901 (ioc-cert). */
  readonly kind?: 'file' | 'certificate';
  readonly os?: OsName;
  readonly serverAgent?: ServerAgent;
}

export interface Honoured {
  readonly honoured: boolean;
  readonly reasons: readonly Reason[];
}

/**
 * The reason the pipeline attaches when EDR in block mode decides: block mode never looks at
 * indicators, neither Allow nor Block (§3.8, T34, T35). The pipeline must not pass indicators into the
 * block-mode decision at all; it quotes this reason instead.
 */
export const INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE: Reason = indicatorReason(
  'not-consulted',
  'indicator not consulted: EDR in block mode ignores indicators',
  '§3.8',
);

const MIN_CLIENT = version('4.18.1901.0');
const HONOURED: Reason = indicatorReason(
  'honoured',
  'indicators are enforced: Microsoft Defender Antivirus is active and the prerequisites are met',
);
const HONOURED_RESULT: Honoured = { honoured: true, reasons: [HONOURED] };
const NOT_ACTIVE: Readonly<Record<Exclude<MdavMode, 'active'>, Reason>> = {
  passive: indicatorReason(
    'mdav-passive',
    'indicators are not supported when Microsoft Defender Antivirus is in passive mode',
    '§2',
  ),
  disabled: indicatorReason('mdav-disabled', 'indicators need Microsoft Defender Antivirus active; it is disabled', '§2'),
  'not-installed': indicatorReason(
    'mdav-not-installed',
    'indicators need Microsoft Defender Antivirus active; it is not installed',
    '§2',
  ),
};
const NO_FEATURE: Reason = indicatorReason(
  'allow-or-block-file-off',
  'advanced feature "Allow or block file" is off, so file indicators cannot block or allow',
);
const NO_CLOUD: Reason = indicatorReason(
  'cloud-protection-off',
  'cloud-delivered protection is off; file and certificate indicators need it',
);
const OLD_CLIENT: Reason = indicatorReason(
  'client-too-old',
  'the antimalware client is older than 4.18.1901.x, the minimum for file and certificate indicators',
);
const BAD_CLIENT: Reason = indicatorReason(
  'client-unknown',
  'the antimalware client version is not readable, so indicator support cannot be confirmed',
);
const LEGACY_AGENT: Reason = indicatorReason(
  'legacy-server-agent',
  'Windows Server 2012 R2 and 2016 support indicators only with the unified solution',
);

/**
 * Whether MDAV enforces file (or certificate) indicators on this device, with every unmet prerequisite
 * as a reason: MDAV active (passive never, T47), "Allow or block file" on for files (T48), cloud
 * protection on, client ≥ 4.18.1901, and the unified agent on Server 2012 R2/2016.
 *
 * @example
 * indicatorsHonoured({ mode: 'passive', allowOrBlockFile: true, cloudProtection: true });
 * // { honoured: false, reasons: [{ code: 'mdav-passive', … }] }
 */
export function indicatorsHonoured(input: HonouredInput): Honoured {
  const reasons: Reason[] = [];
  if (input.mode !== 'active') reasons.push(NOT_ACTIVE[input.mode]);
  if ((input.kind ?? 'file') === 'file' && !input.allowOrBlockFile) reasons.push(NO_FEATURE);
  if (!input.cloudProtection) reasons.push(NO_CLOUD);
  if (input.platform !== undefined) {
    const parsed = parseVersion(input.platform);
    if (!parsed.ok) reasons.push(BAD_CLIENT);
    else if (!isAtLeast(parsed.value, MIN_CLIENT)) reasons.push(OLD_CLIENT);
  }
  if ((input.os === 'server-2012-r2' || input.os === 'server-2016') && input.serverAgent === 'legacy') reasons.push(LEGACY_AGENT);
  return reasons.length === 0 ? HONOURED_RESULT : { honoured: false, reasons };
}
