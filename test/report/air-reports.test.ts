// Every report format on an AIR scenario (contract §5.4): JSON, text, CSV, --format api, and train's questions.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run-scenario.ts';
import { airOfReport } from '../../engine/report/api-air-of.ts';
import { renderApi } from '../../engine/report/api-report.ts';
import { renderCsv } from '../../engine/report/csv-report.ts';
import { renderJson } from '../../engine/report/json-report.ts';
import { renderText } from '../../engine/report/text-report.ts';
import { buildQuestions } from '../../engine/train/question.ts';
import { ANALYST, SHA_A, scenarioOf } from '../pipeline/air-scenario.ts';

const detected = (id: string, device: string) => ({
  at: '0m',
  artifact: {
    id,
    device,
    path: 'C:\\Users\\u\\Downloads\\evil.exe',
    sha256: SHA_A,
    signals: { primaryAv: 'miss', mdav: 'miss', edr: 'detect' },
  },
});
const scenario = scenarioOf({
  tenant: {
    ungroupedAutomationLevel: 'semi-all-folders',
    deviceGroups: [{ name: 'auto', rank: 1, match: { names: ['pc-1'] }, automationLevel: 'full' }],
  },
  devices: [
    { name: 'pc-1', os: 'windows-11', primaryAv: 'non-microsoft' },
    { name: 'pc-2', os: 'windows-11', primaryAv: 'non-microsoft' },
  ],
  timeline: [
    detected('a1', 'pc-1'),
    detected('a2', 'pc-2'),
    { at: '1h', action: 'isolate', device: 'pc-2', by: ANALYST },
    { at: '2h', action: 'alert-status', artifact: 'a2', status: 'InProgress', by: ANALYST },
  ],
  expect: [
    { actionCenterEntry: { artifact: 'a2', at: '8d', tab: 'history', status: 'TimedOut' } },
    { investigation: { artifact: 'a1', state: 'SuccessfullyRemediated' } },
  ],
});
const report = runScenario(scenario);
const collect = (render: (write: (chunk: string) => void) => void) => {
  const chunks: string[] = [];
  render((chunk) => void chunks.push(chunk));
  return chunks.join('');
};

describe('reports of an AIR scenario', () => {
  it('should pass its AIR expectations', () => {
    expect(report.expectations.map((e) => [e.passed, e.message])).toEqual([
      [true, 'Action Center entry for artifact a2 at 8d: tab history, status TimedOut'],
      [true, 'investigation of artifact a1 at the end of the run: state SuccessfullyRemediated'],
    ]);
  });

  it('should list AIR entries, investigations, actions and alert AIR fields in JSON', () => {
    const json = JSON.parse(collect((write) => renderJson([report], write))).scenarios[0];
    expect(json.actionCenter.map((e: Record<string, unknown>) => [e.id, e.actionType, e.tab, e.status])).toEqual([
      ['1-1', 'Quarantine file', 'history', 'Completed'],
      ['2-1', 'Quarantine file', 'pending', 'Pending'],
      ['manual-1', 'Isolate device', 'history', 'Completed'],
    ]);
    expect(json.alerts.map((a: Record<string, unknown>) => [a.investigationId, a.investigationState, a.status])).toEqual([
      [1, 'SuccessfullyRemediated', 'Resolved'],
      [2, 'PendingApproval', 'InProgress'],
    ]);
    expect(json.investigations.map((i: Record<string, unknown>) => [i.id, i.state])).toEqual([
      [1, 'SuccessfullyRemediated'],
      [2, 'PendingApproval'],
    ]);
    expect(json.actions.map((a: Record<string, unknown>) => [a.action, a.status, a.entries])).toEqual([
      ['isolate', 'applied', ['manual-1']],
      ['alert-status', 'applied', []],
    ]);
  });

  it('should table the entries in text and list them in CSV', () => {
    const text = collect((write) => renderText([report], write));
    expect(text).toContain('Action Center (AIR and manual actions)');
    expect(text).toMatch(/2-1 +0m +pc-2 +Quarantine file +a2 +pending +Pending/);
    const csv = collect((write) => renderCsv([report], write)).split('\r\n');
    expect(csv.filter((row) => row.includes('Automated investigation')).length).toBe(2);
    expect(csv.some((row) => row.startsWith('manual-1,') && row.includes('Manual response action'))).toBe(true);
  });

  it('should give --format api the manual machine actions only, the investigations and the alerts AIR fields', () => {
    const api = JSON.parse(collect((write) => renderApi([report], write, [], { airOf: airOfReport }))).scenarios[0];
    expect(api.machineActions.map((a: Record<string, unknown>) => [a.type, a.status, a.requestor])).toEqual([
      ['Isolate', 'Succeeded', 'alice'],
    ]);
    expect(api.investigations.map((i: Record<string, unknown>) => [i.id, i.state])).toEqual([
      ['1', 'SuccessfullyRemediated'],
      ['2', 'PendingApproval'],
    ]);
    expect(api.alerts.map((a: Record<string, unknown>) => [a.investigationState, a.status])).toEqual([
      ['SuccessfullyRemediated', 'Resolved'],
      ['PendingApproval', 'InProgress'],
    ]);
  });

  it('should ask the AIR expectations in train, answered from the run with the reasons', () => {
    const { questions, problems } = buildQuestions(scenario, report, () => undefined);
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.id, q.expected])).toEqual([
      ['a2@8d.entryTab', 'history'],
      ['a2@8d.entryStatus', 'TimedOut'],
      ['a1.investigationState', 'SuccessfullyRemediated'],
    ]);
    expect(questions[1]?.choices).toContain('TimedOut');
    expect(questions[1]?.reasons.join('\n')).toContain('T75');
  });
});
