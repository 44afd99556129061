/** What an indicator match leaves behind: threat name, alert, detection status, no Action center entry (§5.5). */
import type { DetectionStatus } from '../../core/vocabulary.ts';
import { isFileIndicatorType, type Indicator, type IndicatorSeverity, type Mutable } from './indicator.ts';

const CUSTOM_BLOCK_THREAT = 'EUS:Win32/CustomEnterpriseBlock!cl';
const CUSTOM_NO_ALERT_BLOCK_THREAT = 'EUS:Win32/CustomEnterpriseNoAlertBlock!cl';
const CUSTOM_CERT_BLOCK_THREAT = 'EUS:Win32/CustomCertEnterpriseBlock!cl';

export interface IndicatorAlert {
  readonly title: string;
  readonly severity: IndicatorSeverity;
  /** True for the generic alert; custom title and severity are not fired for Block (known issue). */
  readonly generic: boolean;
}

export interface IndicatorAlertFacts {
  /** Set for file and certificate blocks (ioc-file). */
  readonly threatName?: string;
  /** Absent when no alert is raised (Allow by design; generateAlert false). */
  readonly alert?: IndicatorAlert;
  readonly detectionStatus: DetectionStatus;
  /** Block and remediate quarantines the file. */
  readonly remediation: 'quarantine' | 'none';
  /** §5.5: files blocked by an indicator never appear in the file's Action center (T38). */
  readonly actionCenterEntry: false;
  /** resp-file: how to restore files quarantined by custom blocks in the last 30 days. */
  readonly restoreCommand?: string;
}

export interface IndicatorAlertOptions {
  /** Warn alerts are generic or custom "non-deterministically" (ioc-ovw); default `generic`. */
  readonly warnAlert?: 'generic' | 'custom';
  /** `prevented` (default): stopped before it ran → Informational; `active`: blocked while running → Low (air-results). */
  readonly phase?: 'prevented' | 'active';
}

/**
 * The alert facts for an indicator that matched and acted (§5.5): Block/Block and remediate raise only
 * the generic Informational alert with threat `EUS:Win32/CustomEnterpriseBlock!cl` (certificates:
 * `…CustomCertEnterpriseBlock!cl`); Audit raises the customer's title and severity; Allow raises none.
 * [inference] Block with generateAlert false uses `…CustomEnterpriseNoAlertBlock!cl` and raises no alert.
 *
 * @example
 * indicatorAlertFacts(sha256BlockAndRemediate);
 * // { threatName: 'EUS:Win32/CustomEnterpriseBlock!cl',
 * //   alert: { title: 'CustomEnterpriseBlock malware was prevented', severity: 'Informational', generic: true },
 * //   detectionStatus: 'Prevented', remediation: 'quarantine', actionCenterEntry: false, … }
 */
export function indicatorAlertFacts(indicator: Indicator, options: IndicatorAlertOptions = {}): IndicatorAlertFacts {
  const file = isFileIndicatorType(indicator.type);
  const silent = indicator.generateAlert === false;
  // Built by assignment in the literal spreads' key order, never by conditional spreads: V8 runs each
  // `...(c ? {} : { x })` through its runtime, ≈ 1 µs a spread here, and the hot path calls this per indicator block.
  const facts: Mutable<IndicatorAlertFacts> = {};
  switch (indicator.action) {
    case 'Allowed':
      break;
    case 'Audit':
    case 'Warn': {
      if (!silent)
        facts.alert =
          indicator.action === 'Audit' || options.warnAlert === 'custom'
            ? customAlert(indicator)
            : genericAlert(indicator, options.phase);
      facts.detectionStatus = 'Detected';
      break;
    }
    case 'Block':
    case 'BlockAndRemediate': {
      const remediation = indicator.action === 'BlockAndRemediate' ? 'quarantine' : 'none';
      const threatName =
        indicator.type === 'CertificateThumbprint'
          ? CUSTOM_CERT_BLOCK_THREAT
          : file
            ? silent
              ? CUSTOM_NO_ALERT_BLOCK_THREAT
              : CUSTOM_BLOCK_THREAT
            : undefined;
      if (threatName !== undefined) facts.threatName = threatName;
      if (!silent) facts.alert = genericAlert(indicator, options.phase);
      facts.detectionStatus = 'Prevented';
      facts.remediation = remediation;
      facts.actionCenterEntry = false;
      if (remediation === 'quarantine' && file) facts.restoreCommand = RESTORE_COMMAND;
      return facts as IndicatorAlertFacts;
    }
  }
  facts.detectionStatus ??= 'none';
  facts.remediation = 'none';
  facts.actionCenterEntry = false;
  return facts as IndicatorAlertFacts;
}

const RESTORE_COMMAND = 'MpCmdRun.exe -Restore -Name EUS:Win32/CustomEnterpriseBlock -All';

/** Audit's alert, and Warn's when custom: the customer's title and severity. */
function customAlert(indicator: Indicator): IndicatorAlert {
  return {
    title: indicator.title ?? `Custom indicator matched ${indicator.value}`,
    severity: indicator.severity ?? 'Informational',
    generic: false,
  };
}

function genericAlert(indicator: Indicator, phase: IndicatorAlertOptions['phase']): IndicatorAlert {
  const family = indicator.type === 'CertificateThumbprint' ? 'CustomCertEnterpriseBlock' : 'CustomEnterpriseBlock';
  if (!isFileIndicatorType(indicator.type) && indicator.type !== 'CertificateThumbprint') {
    // [inference] the docs give no generic title for network indicators.
    return {
      title: `Connection to custom indicator ${indicator.value} was ${indicator.action === 'Warn' ? 'warned' : 'blocked'}`,
      severity: 'Informational',
      generic: true,
    };
  }
  return phase === 'active'
    ? { title: `An active ${family} malware was blocked`, severity: 'Low', generic: true }
    : { title: `${family} malware was prevented`, severity: 'Informational', generic: true };
}
