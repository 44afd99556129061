/** decidingEntries: a compact verdict names the exclusion entry and the indicator that decided it, by stable id. */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { CompactVerdict } from '../../engine/pipeline/compact-verdict.ts';
import { decidingEntries } from '../../engine/pipeline/deciding-entries.ts';
import { isVerdict, simulate$ } from '../../engine/pipeline/simulate.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

const HASH = '091b572abf984382a95b9455e407f284e24bfb616890abc3fcdb2be68813f39d';
const artifact = (id: string, device: string, path: string, sha256 = 'ab'.repeat(32)): string =>
  `  - at: 1m\n    artifact: { id: ${id}, device: ${device}, class: malicious, kind: file, trigger: on-access, ` +
  `path: '${path}', sha256: '${sha256}', process: 'C:\\Windows\\explorer.exe', signals: { primaryAv: miss, mdav: detect, edr: miss } }\n`;

const SCENARIO =
  `name: ids\ntenant: { edrBlockMode: true }\n` +
  `exclusions: { paths: ['C:\\Other\\', 'C:\\Tools\\'], extensions: ['.log'] }\n` +
  `indicators:\n  - { type: FileSha256, value: '${HASH}', action: BlockAndRemediate, title: t }\n` +
  `devices:\n  - { name: ws-01, os: windows-11 }\n` +
  `  - { name: sql-01, os: windows-11, exclusions: { paths: ['D:\\SQLData\\'] } }\n` +
  `timeline:\n` +
  artifact('tools', 'ws-01', 'C:\\Tools\\a.exe') +
  artifact('log', 'ws-01', 'C:\\Temp\\b.log') +
  artifact('sql', 'sql-01', 'D:\\SQLData\\c.exe') +
  artifact('ioc', 'ws-01', 'C:\\Temp\\d.exe', HASH) +
  artifact('none', 'ws-01', 'C:\\Temp\\e.exe');

function entriesById(): Map<string, ReturnType<typeof decidingEntries>> {
  const loaded = loadScenario(SCENARIO, 'ids.yaml');
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  const found = new Map<string, ReturnType<typeof decidingEntries>>();
  simulate$(loaded.value).subscribe((output) => {
    if (isVerdict(output) && output instanceof CompactVerdict) found.set(output.artifact, decidingEntries(output));
  });
  return found;
}

describe('decidingEntries', () => {
  const entries = entriesById();

  it("should name a tenant exclusion by its list and its index in the scenario's tenant list", () => {
    const ref = entries.get('tools')?.exclusion;
    expect(ref?.id).toBe('tenant:paths[1]');
    expect(ref?.entry.text).toBe('C:\\Tools\\');
    expect(entries.get('log')?.exclusion?.id).toBe('tenant:extensions[0]');
  });

  it("should name a device's own exclusion by its index in the device's list, after the tenant's", () => {
    expect(entries.get('sql')?.exclusion).toMatchObject({ id: 'device:paths[0]', origin: 'device', list: 'paths', index: 0 });
  });

  it('should name the indicator that won by its stable id, and nothing for an artifact no entry touched', () => {
    expect(entries.get('ioc')?.indicator?.id).toBe('ioc-1');
    expect(entries.get('ioc')?.exclusion).toBeUndefined();
    expect(entries.get('none')).toEqual({});
  });
});
