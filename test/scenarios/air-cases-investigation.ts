/** T71–T79 and C15 as small scenarios: where AIR's remediation goes, per automation level, folder and verdict (§6.5). */
import { action, artifact, passive, sha, type AirCase } from './air-case-yaml.ts';

const level = (name: string) => `tenant:\n  ungroupedAutomationLevel: ${name}\n`;
const group = (name: string, tag: string) =>
  `tenant:\n  deviceGroups:\n    - { name: G, rank: 1, match: { tags: [${tag}] }, automationLevel: ${name} }\n`;
const QUARANTINE = 'actionType: Quarantine file';

/** One artifact on one device, the level set on the device's group (`tag`) or for ungrouped devices. */
function single(tenant: string, path: string, extra = '', options: Parameters<typeof artifact>[3] = {}): string {
  return `${tenant}devices:\n${passive('ws-01', extra)}\ntimeline:\n${artifact('a1', 'ws-01', path, options)}\n`;
}

/** `count` copies of one file on lt-01, lt-02, … at 5m, flagged by nothing: sightings, not alerts (T79). */
const copies = (prefix: string, count: number, hash: string) =>
  Array.from({ length: count }, (_, i) =>
    artifact(`${prefix}${i + 1}`, `lt-${String(i + 1).padStart(2, '0')}`, `C:\\Users\\Public\\${prefix}.exe`, {
      at: '5m',
      sha256: hash,
      signals: '{ primaryAv: miss, mdav: miss, edr: miss }',
    }),
  );

export const INVESTIGATION_CASES: readonly AirCase[] = [
  {
    id: 'T71',
    title: 'semi-core-folders, Malicious in C:\\Windows\\System32 → Pending; the verdict stays the layers\'',
    scenario: single(group('semi-core-folders', 'core'), 'C:\\Windows\\System32\\evil.dll', 'tags: [core]'),
    pins: [
      `{ actionCenterEntry: { artifact: a1, ${QUARANTINE}, tab: pending, status: Pending } }`,
      '{ investigation: { artifact: a1, state: PendingApproval } }',
      '{ artifact: a1, outcome: detected, by: none, detectionStatus: Detected, actionCenter: false }',
    ],
    opposites: ['{ actionCenterEntry: { artifact: a1, tab: history } }', '{ investigation: { artifact: a1, state: SuccessfullyRemediated } }'],
  },
  {
    id: 'T72',
    title: 'semi-core-folders, Malicious in Downloads → automatic, History',
    scenario: single(level('semi-core-folders'), 'C:\\Users\\u\\Downloads\\evil.exe'),
    pins: [
      `{ actionCenterEntry: { artifact: a1, ${QUARANTINE}, tab: history, status: Completed } }`,
      '{ investigation: { artifact: a1, state: SuccessfullyRemediated } }',
    ],
    opposites: ['{ actionCenterEntry: { artifact: a1, status: Pending } }', '{ investigation: { artifact: a1, state: PendingApproval } }'],
  },
  {
    id: 'T73',
    title: 'semi-non-temp-folders, Malicious in AppData\\Local\\Temp → automatic',
    scenario: single(group('semi-non-temp-folders', 'temp'), 'C:\\Users\\u\\AppData\\Local\\Temp\\x.exe', 'tags: [temp]'),
    pins: [`{ actionCenterEntry: { artifact: a1, ${QUARANTINE}, tab: history, status: Completed } }`],
    opposites: ['{ actionCenterEntry: { artifact: a1, tab: pending } }'],
  },
  {
    id: 'T74',
    title: 'semi-non-temp-folders, Malicious in C:\\ProgramData → Pending',
    scenario: single(level('semi-non-temp-folders'), 'C:\\ProgramData\\x.exe'),
    pins: [`{ actionCenterEntry: { artifact: a1, ${QUARANTINE}, tab: pending, status: Pending } }`],
    opposites: ['{ actionCenterEntry: { artifact: a1, status: Completed } }'],
  },
  {
    id: 'C15',
    title: 'Program Files: core for semi-core-folders (Pending), temporary for semi-non-temp-folders (History)',
    scenario: [
      'tenant:\n  deviceGroups:',
      '    - { name: Core, rank: 1, match: { tags: [core] }, automationLevel: semi-core-folders }',
      '    - { name: Temp, rank: 2, match: { tags: [temp] }, automationLevel: semi-non-temp-folders }',
      `devices:\n${passive('ws-01', 'tags: [core]')}\n${passive('ws-02', 'tags: [temp]')}`,
      `timeline:\n${artifact('a1', 'ws-01', 'C:\\Program Files\\Contoso\\up.exe')}`,
      artifact('a2', 'ws-02', 'C:\\Program Files\\Contoso\\up.exe'),
    ].join('\n'),
    pins: ['{ actionCenterEntry: { artifact: a1, tab: pending, status: Pending } }', '{ actionCenterEntry: { artifact: a2, tab: history, status: Completed } }'],
    opposites: ['{ actionCenterEntry: { artifact: a1, tab: history } }', '{ actionCenterEntry: { artifact: a2, tab: pending } }'],
  },
  {
    id: 'T75',
    title: 'semi-all-folders, nobody approves for 7 days → TimedOut, an ending like a rejection',
    scenario: [
      `${level('semi-all-folders')}devices:\n${passive('ws-01')}\n${passive('ws-02')}`,
      `timeline:\n${artifact('a1', 'ws-01', 'C:\\Users\\u\\Downloads\\evil.exe')}`,
      artifact('a2', 'ws-02', 'C:\\Users\\v\\Downloads\\evil.exe'),
      action('1d', 'reject', 'artifact: a2'),
    ].join('\n'),
    pins: [
      '{ actionCenterEntry: { artifact: a1, at: 7d, tab: pending, status: Pending } }',
      '{ actionCenterEntry: { artifact: a1, at: 7d10m, tab: history, status: TimedOut } }',
      '{ investigation: { artifact: a1, at: 8d, state: PartiallyRemediated } }',
      '{ actionCenterEntry: { artifact: a2, status: Rejected } }',
      '{ investigation: { artifact: a2, state: PartiallyRemediated } }',
    ],
    opposites: [
      '{ actionCenterEntry: { artifact: a1, at: 7d, status: TimedOut } }',
      '{ actionCenterEntry: { artifact: a1, at: 7d10m, status: Pending } }',
      '{ investigation: { artifact: a1, at: 8d, state: SuccessfullyRemediated } }',
    ],
  },
  {
    id: 'T76',
    title: 'Full, Suspicious verdict (PUA) → Pending',
    scenario: single(level('full'), 'C:\\Users\\u\\Downloads\\toolbar.exe', '', { klass: 'pua' }),
    pins: ['{ actionCenterEntry: { artifact: a1, tab: pending, status: Pending } }', '{ investigation: { artifact: a1, state: PendingApproval } }'],
    opposites: ['{ actionCenterEntry: { artifact: a1, tab: history } }'],
  },
  {
    id: 'T77',
    title: 'Full, No threats found (a benign file the EDR flagged) → no action, Benign, the alert autoresolved',
    scenario: single(level('full'), 'C:\\Users\\u\\Downloads\\setup.exe', '', { klass: 'benign' }),
    pins: [
      '{ actionCenterEntry: { artifact: a1, present: false } }',
      '{ investigation: { artifact: a1, state: Benign } }',
      '{ alerts: { artifact: a1, status: Resolved, investigationState: Benign, count: 1 } }',
    ],
    opposites: ['{ actionCenterEntry: { artifact: a1, present: true } }', '{ alerts: { artifact: a1, status: New, count: 1 } }'],
  },
  {
    id: 'T78',
    title: 'No automated response → no AIR entry; Defender Antivirus still blocks a PUA on an active device',
    scenario: [
      `${level('none')}devices:\n${passive('ws-01')}\n  - { name: ws-02, os: windows-11 }`,
      `timeline:\n${artifact('a1', 'ws-01', 'C:\\Users\\u\\Downloads\\evil.exe')}`,
      artifact('a2', 'ws-02', 'C:\\Users\\v\\Downloads\\toolbar.exe', { klass: 'pua', signals: '{ primaryAv: miss, mdav: detect, edr: miss }' }),
    ].join('\n'),
    pins: [
      '{ actionCenterEntry: { device: ws-01, present: false } }',
      '{ actionCenterEntry: { device: ws-02, present: false } }',
      '{ artifact: a2, outcome: blocked, by: mdav, actionCenter: true }',
    ],
    opposites: ['{ actionCenterEntry: { artifact: a1, present: true } }', '{ artifact: a2, actionCenter: false }'],
  },
  {
    id: 'T79',
    title: 'Full, the file is on 12 other devices → a Pending scope expansion; another file on 9 → none',
    scenario: [
      `${level('full')}devices:\n${passive('ws-00')}\n${passive('ws-99')}`,
      'fleet:\n  - { count: 12, namePrefix: lt-, template: { os: windows-11, primaryAv: non-microsoft } }',
      'timeline:',
      ...copies('c', 12, sha('a')),
      ...copies('d', 9, sha('b')),
      artifact('a1', 'ws-00', 'C:\\Users\\u\\Downloads\\x.exe', { sha256: sha('a') }),
      artifact('b1', 'ws-99', 'C:\\Users\\v\\Downloads\\y.exe', { sha256: sha('b') }),
    ].join('\n'),
    pins: [
      '{ actionCenterEntry: { artifact: a1, actionType: Quarantine file, tab: history, status: Completed } }',
      '{ actionCenterEntry: { artifact: a1, actionType: Expand investigation scope, tab: pending, status: Pending } }',
      '{ actionCenterEntry: { artifact: b1, actionType: Expand investigation scope, present: false } }',
    ],
    opposites: [
      '{ actionCenterEntry: { artifact: a1, actionType: Expand investigation scope, present: false } }',
      '{ actionCenterEntry: { artifact: b1, actionType: Expand investigation scope, present: true } }',
    ],
  },
];
