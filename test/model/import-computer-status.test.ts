// Get-MpComputerStatus exports (Format-List text and ConvertTo-Json) read as device facts, with line:column issues.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importComputerStatus, recogniseComputerStatus } from '../../engine/model/index.ts';

const REPO = new URL('../..', import.meta.url).pathname;
const fixture = (name: string) =>
  readFileSync(`${REPO}${name.endsWith('.json') ? 'test/model/fixtures' : 'scenarios/01-modes'}/${name}`, 'utf8');

describe('recogniseComputerStatus', () => {
  it('should tell the text and JSON exports apart from Get-MpPreference output and any other file', () => {
    expect(recogniseComputerStatus(fixture('status-passive.txt'))).toBe('text');
    expect(recogniseComputerStatus(fixture('status-edr-block-mode.json'))).toBe('json');
    expect(recogniseComputerStatus('ExclusionPath : {C:\\Tools}\nMAPSReporting : 2')).toBeUndefined();
    expect(recogniseComputerStatus('SECRET=hunter2')).toBeUndefined();
  });
});

describe('importComputerStatus', () => {
  it('should read the documented Format-List fields with the line and column of each value', () => {
    const read = importComputerStatus(fixture('status-passive.txt'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.AMRunningMode).toEqual({ value: 'Passive Mode', line: 4, column: 36 });
    expect(read.value.AMProductVersion?.value).toBe('4.18.24090.11');
    expect(read.value.AMEngineVersion?.value).toBe('1.1.24090.11');
    expect(read.value.AMServiceEnabled?.value).toBe(true);
    expect(read.value.RealTimeProtectionEnabled?.value).toBe(false);
    expect(read.value.IsTamperProtected?.value).toBe(true);
  });

  it('should read ConvertTo-Json output, null values being unknown', () => {
    const read = importComputerStatus(fixture('status-edr-block-mode.json'));
    expect(read.ok && read.value.AMRunningMode).toEqual({ value: 'EDR Block Mode', line: 4, column: 23 });
    expect(read.ok && read.value.BehaviorMonitorEnabled?.value).toBe(false);
    const nulls = importComputerStatus('{ "AMServiceEnabled": true, "AMRunningMode": null }');
    expect(nulls.ok && nulls.value.AMRunningMode).toBeUndefined();
  });

  it('should place a value PowerShell would not print at its line and column', () => {
    const read = importComputerStatus('AMProductVersion : 4.18.24090.11\nAMServiceEnabled : Yes\nAMRunningMode    : Active');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['computer_status_bad_value', 2, 20],
      ['computer_status_bad_value', 3, 20],
    ]);
    expect(read.issues[1]?.message).toContain('not one of "Normal", "Passive Mode", "EDR Block Mode", "Not running"');
  });

  it('should refuse SxS Passive Mode, which edrsim does not model, saying so', () => {
    const read = importComputerStatus('AMRunningMode : SxS Passive Mode');
    expect(read.ok || read.issues[0]?.code).toBe('computer_status_unsupported_mode');
  });

  it('should refuse a file that is no export without quoting any of it', () => {
    const read = importComputerStatus('PASSWORD=hunter2\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues[0]?.code).toBe('computer_status_unrecognised');
    expect(JSON.stringify(read.issues)).not.toContain('hunter2');
  });

  it('should refuse several devices at once, in a JSON list or as repeated properties', () => {
    const list = importComputerStatus('[{ "AMServiceEnabled": true }, { "AMServiceEnabled": false }]');
    expect(list.ok || list.issues[0]?.code).toBe('computer_status_many_devices');
    const twice = importComputerStatus('AMServiceEnabled : True\n\nAMServiceEnabled : False');
    expect(twice.ok || twice.issues.map((i) => [i.code, i.line])).toEqual([['computer_status_many_devices', 3]]);
  });

  it('should place JSON that does not parse at its first bad character, quoting none of it', () => {
    const read = importComputerStatus('{\n  "AMServiceEnabled": tru secret\n}');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect([read.issues[0]?.code, read.issues[0]?.line]).toEqual(['computer_status_bad_json', 2]);
    expect(read.issues[0]?.message).not.toContain('secret');
  });
});
