// `edrsim train scenarios/12-action-center`, in-process through main(): the course asks the Action Center questions
// (entry tab and status, investigation state) and reveals them. The answers below are written by hand from the
// reference (§6.4, §6.5, T71–T82, T87, T88, C15), not read from a run, so a change in the engine's answers fails here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main.ts';
import { recordingIo } from './run-cli.ts';

const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const COURSE = 'scenarios/12-action-center';
const scratch = mkdtempSync(join(tmpdir(), 'edrsim-train-ac-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const VERDICT_DETECTED = (id: string) => [`${id}.outcome: detected`, `${id}.detectionStatus: Detected`, `${id}.actionCenter: no`];
const ENTRY = (id: string, tab: string, status: string) => [`${id}.entryTab: ${tab}`, `${id}.entryStatus: ${status}`];

/** Every question of the course with the reference's answer, per scenario file. */
const RIGHT: Readonly<Record<string, readonly string[]>> = {
  '01-pending-vs-automatic-by-folder.yaml': [
    ...VERDICT_DETECTED('system32-dll'),
    ...ENTRY('system32-dll', 'pending', 'Pending'), // T71
    ...ENTRY('downloads-exe', 'history', 'Completed'), // T72
    ...ENTRY('program-files-core', 'pending', 'Pending'), // C15: core
    ...ENTRY('temp-exe', 'history', 'Completed'), // T73
    ...ENTRY('programdata-exe', 'pending', 'Pending'), // T74
    ...ENTRY('program-files-temp', 'history', 'Completed'), // C15: temporary
    'ws-core-01.investigationState: PendingApproval',
  ],
  '02-pending-times-out-after-7-days.yaml': [
    ...VERDICT_DETECTED('invoice-ignored'),
    ...ENTRY('invoice-approved@1d', 'pending', 'Pending'),
    ...ENTRY('invoice-approved', 'history', 'Completed'),
    'invoice-approved.investigationState: SuccessfullyRemediated',
    ...ENTRY('invoice-ignored@7d', 'pending', 'Pending'),
    'invoice-ignored@7d10m.entryStatus: TimedOut', // T75
    'invoice-ignored@7d.investigationState: PendingApproval',
    'invoice-ignored@8d.investigationState: PartiallyRemediated',
  ],
  '03-scope-expansion-10-devices.yaml': [
    ...VERDICT_DETECTED('fake-teams'),
    ...ENTRY('fake-teams', 'pending', 'Pending'), // T79: the scope expansion
    'ws-pz-00.investigationState: PendingApproval',
  ],
  '04-isolate-passive-and-offline.yaml': [
    ...VERDICT_DETECTED('beacon-21'),
    'ws-eng-21.runningMode: Passive Mode',
    ...ENTRY('ws-eng-21@1h', 'history', 'Completed'), // T82
    'lt-eng-22@1d.entryStatus: Pending',
    'lt-eng-22.entryStatus: Completed',
    'lt-eng-23@3d.entryStatus: Pending',
    'lt-eng-23@4d.entryStatus: Failed',
  ],
  '05-undo-across-instances.yaml': [
    ...ENTRY('implant-31@1h', 'history', 'Completed'),
    ...['implant-31', 'implant-32', 'implant-33'].map((id) => `${id}.entryStatus: Undone`), // T80
    'stealer-34.entryStatus: Completed',
    ...ENTRY('ws-rt-31', 'history', 'Completed'), // T81
  ],
  '06-autoresolve-keeps-analyst-status.yaml': [
    ...VERDICT_DETECTED('script-42'),
    'script-42@30m.investigationState: PendingApproval',
    ...ENTRY('script-42', 'history', 'Completed'),
    'script-41.investigationState: SuccessfullyRemediated',
    'script-42.investigationState: SuccessfullyRemediated',
  ],
  '07-air-is-not-block-mode.yaml': [
    'stealer-bm.outcome: blocked',
    'stealer-bm.detectionStatus: Blocked',
    'stealer-bm.actionCenter: yes',
    ...VERDICT_DETECTED('stealer-air'),
    ...ENTRY('stealer-air@1h', 'pending', 'Pending'),
    'stealer-air@1h.investigationState: PendingApproval',
    ...ENTRY('stealer-air', 'history', 'Completed'),
    'stealer-air.investigationState: SuccessfullyRemediated',
  ],
  '08-suspicious-and-no-threats-found.yaml': [
    ...VERDICT_DETECTED('toolbar'),
    ...ENTRY('stealer', 'history', 'Completed'),
    ...ENTRY('toolbar', 'pending', 'Pending'), // T76
    'toolbar.investigationState: PendingApproval',
    'inventory-script.investigationState: Benign', // T77
  ],
  '09-where-air-cannot-run.yaml': [
    'srv-web-73.runningMode: Not running',
    ...VERDICT_DETECTED('tool-73'),
    'tool-71.investigationState: SuccessfullyRemediated',
    ...ENTRY('tool-71', 'history', 'Completed'),
    'tool-72.investigationState: UnsupportedOs',
    'tool-73.investigationState: Failed', // T88
  ],
};
const TOTAL = Object.values(RIGHT).reduce((sum, lines) => sum + lines.length, 0);

let counter = 0;
function answersFile(change: (line: string) => string = (line) => line, files = Object.keys(RIGHT)): string {
  const text = Object.entries(RIGHT)
    .filter(([file]) => files.includes(file))
    .flatMap(([file, lines]) => [`${COURSE}/${file}:`, ...lines.map((line) => `  ${change(line)}`)])
    .join('\n');
  const file = join(scratch, `answers-${++counter}.yaml`);
  writeFileSync(file, `${text}\n`);
  return file;
}

async function train(what: string, ...args: string[]) {
  const { io, stdout, stderr } = recordingIo(ROOT);
  const code = await main(['train', what, ...args], io);
  return { code, out: stdout(), err: stderr() };
}

describe('edrsim train scenarios/12-action-center', () => {
  it('should ask an Action Center or investigation question in every scenario of the course', async () => {
    const { code, out } = await train(COURSE, '--list-questions');
    expect(code).toBe(0);
    const perFile = out.split(/^"/m).slice(1);
    expect(perFile).toHaveLength(Object.keys(RIGHT).length);
    expect(perFile.filter((block) => !/\.(entryTab|entryStatus|investigationState):/.test(block))).toEqual([]);
    expect(out).toContain('fake-teams.entryTab:');
    expect(out).toContain('(Expand investigation scope): which Action Center tab lists it?');
  });

  it('should score every answer the reference gives as right', async () => {
    const { code, out, err } = await train(COURSE, '--answers', answersFile());
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`Total: ${TOTAL}/${TOTAL} (100 %) over 9 scenarios`);
  });

  it('should reveal a wrong Action Center answer with the engine answer, the entry reason and the cite (T75)', async () => {
    const wrong = (line: string) =>
      line === 'invoice-ignored@7d10m.entryStatus: TimedOut' ? line.replace('TimedOut', 'Rejected') : line;
    const timeout = '02-pending-times-out-after-7-days.yaml';
    const { code, out } = await train(`${COURSE}/${timeout}`, '--answers', answersFile(wrong, [timeout]));
    expect(code).toBe(0);
    expect(out).toMatch(/✘ Q\d+ entryStatus: TimedOut — you answered Rejected {2}T75 \[\d+\]/);
    const asked = RIGHT[timeout]?.length ?? 0;
    expect(out).toContain(`Total: ${asked - 1}/${asked}`);
    const reveal = out.slice(out.indexOf('  artifact invoice-ignored at 7d10m (Quarantine file)\n'));
    expect(reveal).toMatch(/engine: \S+ Quarantine file on ws-hr-12: history, TimedOut, decided by System/);
    expect(reveal).toMatch(/\d\. \[air\] nobody decided within 7 days: .*counts as rejected/);
    // "What to notice" comes after the reveal, not in the briefing.
    expect(out.indexOf('What to notice.')).toBeGreaterThan(out.indexOf('Reveal'));
  });
});
