/** The portal's indicator import CSV written back from indicators (ioc-manage), so a tested list can be imported as written. */
import type { Issue } from '../../core/issue.ts';
import { formatCsv } from './csv.ts';
import { CSV_COLUMNS, CSV_INDICATOR_TYPES } from './import-indicator-csv.ts';
import type { Indicator } from './indicator.ts';

/**
 * Writes indicators as an import CSV with the portal's header. Types the import does not take
 * (FileMd5, CertificateThumbprint) are left out, each with an issue; legacy actions are written in
 * their current names.
 *
 * @example
 * exportIndicatorCsv(indicators).text; // 'IndicatorType,IndicatorValue,ExpirationTime,…\r\nDomainName,contoso.com,,Block,…'
 */
export function exportIndicatorCsv(indicators: readonly Indicator[]): {
  readonly text: string;
  readonly issues: readonly Issue[];
} {
  const issues: Issue[] = [];
  const rows: string[][] = [[...CSV_COLUMNS]];
  indicators.forEach((indicator, index) => {
    if (!(CSV_INDICATOR_TYPES as readonly string[]).includes(indicator.type)) {
      issues.push({
        code: 'csv_type',
        path: [index],
        severity: 'warning',
        message: `indicator ${indicator.id} (${indicator.type}) cannot be written to an import CSV and was left out`,
        expected: CSV_INDICATOR_TYPES.join(' | '),
        received: indicator.type,
      });
      return;
    }
    rows.push([
      indicator.type,
      indicator.value,
      indicator.expirationTime ?? '',
      indicator.action,
      indicator.severity ?? '',
      indicator.title ?? '',
      indicator.description ?? '',
      indicator.recommendedActions ?? '',
      indicator.groups.join(','),
      indicator.category ?? '',
      (indicator.mitreTechniques ?? []).join(','),
      indicator.generateAlert === undefined ? '' : indicator.generateAlert ? 'True' : 'False',
    ]);
  });
  return { text: formatCsv(rows), issues };
}
