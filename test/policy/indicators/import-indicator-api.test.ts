import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIndicatorApi, recogniseIndicatorApi } from '../../../engine/policy/indicators/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('importIndicatorApi', () => {
  it('should map the value list of GET /api/indicators to the indicator vocabulary', () => {
    const { indicators, issues } = importIndicatorApi(fixture('api-indicators.json'));
    expect(indicators.map((i) => [i.id, i.type, i.value, i.action, i.groups])).toEqual([
      ['api-1', 'IpAddress', '12.13.14.15', 'Block', []],
      ['api-2', 'FileSha1', '220e7d15b011d7fac48f2bd61114db1022197f7f', 'BlockAndRemediate', ['Build servers', 'Finance']],
      ['api-3', 'DomainName', 'contoso-updates.example', 'Allowed', ['Finance']],
    ]);
    expect(indicators[0]).toMatchObject({ title: 'C2 address', severity: 'High', generateAlert: true });
    expect(indicators[1]).toMatchObject({ expirationTime: '2030-12-12T00:00:00Z', legacyAction: 'AlertAndBlock' });
    // The legacy action is read with the scenario parser's warning, at the item's line.
    expect(issues.map((i) => [i.code, i.severity, i.path.join('.'), i.line])).toEqual([
      ['legacy_action', 'warning', 'value.1.action', 24],
    ]);
  });

  it('should report an unknown type or action at the line and column of its item, and import the rest', () => {
    const { indicators, issues } = importIndicatorApi(fixture('api-bad-indicators.json'));
    expect(indicators.map((i) => i.value)).toEqual(['contoso.com']);
    expect(issues.map((i) => [i.code, i.path.join('.'), i.line, i.column, i.received])).toEqual([
      ['bad_indicator_type', 'value.1.indicatorType', 9, 5, 'HostName'],
      ['bad_indicator_action', 'value.2.action', 15, 5, 'Quarantine'],
    ]);
  });

  it('should take a bare list, warn of an unknown field and ignore record fields', () => {
    const text =
      '[{"id":"1","createdBy":"x","indicatorValue":"contoso.com","indicatorType":"DomainName","action":"Warn","colour":"red"}]';
    const { indicators, issues } = importIndicatorApi(text);
    expect(indicators).toHaveLength(1);
    expect(issues).toMatchObject([{ code: 'indicator_api_unknown_field', severity: 'warning', path: ['value', 0, 'colour'] }]);
  });

  it('should refuse a file that is not this export, or not JSON, quoting none of it', () => {
    const secret = 'AWS_SECRET=abc123';
    const refused = importIndicatorApi(secret).issues;
    expect(refused).toMatchObject([{ code: 'indicator_api_unrecognised', line: 1 }]);
    expect(JSON.stringify(refused)).not.toContain('abc123');
    const broken = importIndicatorApi('{"value": [ {"indicatorValue": "x" AWS_SECRET } ]}').issues;
    expect(broken).toMatchObject([{ code: 'indicator_api_bad_json', line: 1, column: 36 }]);
    expect(JSON.stringify(broken)).not.toContain('AWS_SECRET');
    expect(importIndicatorApi('{"indicatorValue": "x"}').issues).toMatchObject([{ code: 'indicator_api_no_value' }]);
  });

  it('should cut a huge value in an issue to an excerpt', () => {
    const huge = 'x'.repeat(100_000);
    const { issues } = importIndicatorApi(`{"value":[{"indicatorValue":"${huge}","indicatorType":"Sha","action":"Block"}]}`);
    expect(issues.length).toBeGreaterThan(0);
    expect(Math.max(...issues.map((i) => JSON.stringify(i).length))).toBeLessThan(1000);
  });
});

describe('recogniseIndicatorApi', () => {
  it('should tell the API JSON from the portal CSV and from other JSON', () => {
    expect(recogniseIndicatorApi('\uFEFF{ "value": [ { "indicatorType": "Url" } ] }')).toBe(true);
    expect(recogniseIndicatorApi('IndicatorType,IndicatorValue\r\n')).toBe(false);
    expect(recogniseIndicatorApi('{ "ExclusionPath": [] }')).toBe(false);
  });
});
