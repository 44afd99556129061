import { describe, expect, it } from 'vitest';
import { indicatorAlertFacts } from '../../../engine/policy/indicators/index.ts';
import { INVOICE, LEAF_CERT, indicators } from './fixtures/make-indicator.ts';

const [sha256Block, certBlock, audit, allow, warn, silentBlock, domainBlock] = indicators(
  { type: 'FileSha256', value: INVOICE.sha256, action: 'Block', title: 'Custom title', severity: 'High' },
  { type: 'CertificateThumbprint', value: LEAF_CERT, action: 'BlockAndRemediate' },
  { type: 'FileSha1', value: INVOICE.sha1, action: 'Audit', title: 'Red team tool ran', severity: 'Medium' },
  { type: 'FileSha1', value: INVOICE.sha1, action: 'Allowed' },
  { type: 'FileSha1', value: INVOICE.sha1, action: 'Warn', title: 'Think twice', severity: 'Low' },
  { type: 'FileSha1', value: INVOICE.sha1, action: 'Block', generateAlert: false },
  { type: 'DomainName', value: 'contoso.com', action: 'Block' },
);

describe('indicatorAlertFacts', () => {
  it('should raise only the generic Informational alert for a Block file IoC, ignoring custom title and severity (§5.5)', () => {
    expect(indicatorAlertFacts(sha256Block!)).toEqual({
      threatName: 'EUS:Win32/CustomEnterpriseBlock!cl',
      alert: { title: 'CustomEnterpriseBlock malware was prevented', severity: 'Informational', generic: true },
      detectionStatus: 'Prevented',
      remediation: 'none',
      actionCenterEntry: false,
    });
  });

  it('should name the certificate threat and quarantine, without the file-only restore command, for a certificate block', () => {
    const facts = indicatorAlertFacts(certBlock!);
    expect(facts).toMatchObject({
      threatName: 'EUS:Win32/CustomCertEnterpriseBlock!cl',
      remediation: 'quarantine',
      alert: { title: 'CustomCertEnterpriseBlock malware was prevented' },
    });
    expect(facts.restoreCommand).toBeUndefined();
  });

  it('should give the restore command for a quarantined file', () => {
    const [bar] = indicators({ type: 'FileSha256', value: INVOICE.sha256, action: 'BlockAndRemediate' });
    expect(indicatorAlertFacts(bar!).restoreCommand).toBe('MpCmdRun.exe -Restore -Name EUS:Win32/CustomEnterpriseBlock -All');
  });

  it('should title a block of a running file "An active … was blocked" with Low severity', () => {
    expect(indicatorAlertFacts(sha256Block!, { phase: 'active' }).alert).toEqual({
      title: 'An active CustomEnterpriseBlock malware was blocked',
      severity: 'Low',
      generic: true,
    });
  });

  it("should raise the customer's title and severity for Audit", () => {
    expect(indicatorAlertFacts(audit!)).toEqual({
      alert: { title: 'Red team tool ran', severity: 'Medium', generic: false },
      detectionStatus: 'Detected',
      remediation: 'none',
      actionCenterEntry: false,
    });
  });

  it('should raise no alert for Allow, by design', () => {
    expect(indicatorAlertFacts(allow!)).toEqual({ detectionStatus: 'none', remediation: 'none', actionCenterEntry: false });
  });

  it('should raise a generic Warn alert by default and the custom one on request', () => {
    expect(indicatorAlertFacts(warn!).alert?.generic).toBe(true);
    expect(indicatorAlertFacts(warn!, { warnAlert: 'custom' }).alert).toEqual({
      title: 'Think twice',
      severity: 'Low',
      generic: false,
    });
  });

  it('should use the NoAlert threat name and raise no alert for a Block with generateAlert false [inference]', () => {
    const facts = indicatorAlertFacts(silentBlock!);
    expect(facts.threatName).toBe('EUS:Win32/CustomEnterpriseNoAlertBlock!cl');
    expect(facts.alert).toBeUndefined();
  });

  it('should give network blocks no file threat name', () => {
    const facts = indicatorAlertFacts(domainBlock!);
    expect(facts.threatName).toBeUndefined();
    expect(facts.alert).toMatchObject({ severity: 'Informational', generic: true });
  });
});
