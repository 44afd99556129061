/** T80–T88 as small scenarios: undo, manual response actions, alert severity and status, where AIR runs (§6.4–6.6). */
import { action, artifact, passive, sha, type AirCase } from './air-case-yaml.ts';

const FULL = 'tenant:\n  ungroupedAutomationLevel: full\n';
const NONE = 'tenant:\n  ungroupedAutomationLevel: none\n';

export const RESPONSE_CASES: readonly AirCase[] = [
  {
    id: 'T80',
    title: 'undo "Quarantine file" on one entry with "Apply to X more instances" → every instance of that file Undone',
    scenario: [
      `${FULL}devices:\n${passive('ws-01')}\n${passive('ws-02')}\n${passive('ws-03')}`,
      `timeline:\n${artifact('a1', 'ws-01', 'C:\\Users\\Public\\x.exe', { sha256: sha('a') })}`,
      artifact('a2', 'ws-02', 'C:\\Users\\Public\\x.exe', { sha256: sha('a') }),
      artifact('b3', 'ws-03', 'C:\\Users\\Public\\y.exe', { sha256: sha('b') }),
      action('1h', 'undo', 'artifact: a1', 'actionType: Quarantine file', 'moreInstances: true'),
    ].join('\n'),
    pins: [
      '{ actionCenterEntry: { artifact: a1, at: 30m, tab: history, status: Completed } }',
      '{ actionCenterEntry: { artifact: a1, status: Undone } }',
      '{ actionCenterEntry: { artifact: a2, status: Undone } }',
      '{ actionCenterEntry: { artifact: b3, status: Completed } }',
    ],
    opposites: ['{ actionCenterEntry: { artifact: a2, status: Completed } }', '{ actionCenterEntry: { artifact: b3, status: Undone } }'],
  },
  {
    id: 'T81',
    title: 'undo of "Collect investigation package" → refused, the entry stays Completed',
    scenario: [
      `${NONE}devices:\n${passive('ws-01')}\ntimeline:`,
      action('1h', 'collect-package', 'device: ws-01'),
      action('2h', 'undo', 'device: ws-01', 'actionType: Collect investigation package'),
    ].join('\n'),
    pins: ['{ actionCenterEntry: { device: ws-01, actionType: Collect investigation package, tab: history, status: Completed } }'],
    opposites: ['{ actionCenterEntry: { device: ws-01, actionType: Collect investigation package, status: Undone } }'],
  },
  {
    id: 'T82',
    title: 'isolate a passive device → done; an offline one is retried for 3 days, then fails',
    scenario: [
      `${NONE}devices:\n${passive('ws-01')}\n${passive('ws-02')}\n${passive('ws-03')}\ntimeline:`,
      action('30m', 'offline', 'device: ws-02'),
      action('30m', 'offline', 'device: ws-03'),
      ...['ws-01', 'ws-02', 'ws-03'].map((device) => action('1h', 'isolate', `device: ${device}`)),
      action('2d', 'online', 'device: ws-02'),
    ].join('\n'),
    pins: [
      '{ actionCenterEntry: { device: ws-01, actionType: Isolate device, at: 1h, tab: history, status: Completed } }',
      '{ actionCenterEntry: { device: ws-02, actionType: Isolate device, at: 1d, status: Pending } }',
      '{ actionCenterEntry: { device: ws-02, actionType: Isolate device, status: Completed } }',
      '{ actionCenterEntry: { device: ws-03, actionType: Isolate device, at: 3d, status: Pending } }',
      '{ actionCenterEntry: { device: ws-03, actionType: Isolate device, at: 3d1h, status: Failed } }',
    ],
    opposites: [
      '{ actionCenterEntry: { device: ws-02, actionType: Isolate device, status: Failed } }',
      '{ actionCenterEntry: { device: ws-03, actionType: Isolate device, at: 3d, status: Failed } }',
    ],
  },
  {
    id: 'T83',
    title: 'stop and quarantine on a device whose Defender Antivirus is disabled → refused there, done on a passive one',
    scenario: [
      `${NONE}devices:\n${passive('ws-01')}`,
      '  - { name: srv-02, os: server-2019, primaryAv: non-microsoft, turnOffDefenderPolicy: before-onboarding }',
      'timeline:',
      action('1h', 'stop-and-quarantine', `sha256: '${sha('a')}'`, 'devices: [ws-01, srv-02]'),
    ].join('\n'),
    pins: [
      '{ device: srv-02, mode: disabled }',
      '{ actionCenterEntry: { device: ws-01, actionType: Stop and quarantine file, status: Completed } }',
      '{ actionCenterEntry: { device: srv-02, actionType: Stop and quarantine file, present: false } }',
    ],
    opposites: ['{ actionCenterEntry: { device: srv-02, actionType: Stop and quarantine file, present: true } }'],
  },
  {
    id: 'T84',
    title: 'stop and quarantine on 1,200 devices → refused as a whole (use an indicator)',
    scenario: [
      `${NONE}fleet:\n  - { count: 1200, namePrefix: ws-, template: { os: windows-11, primaryAv: non-microsoft } }\ntimeline:`,
      action('1h', 'stop-and-quarantine', `sha256: '${sha('a')}'`, 'devices: all'),
      // The same file on one of those devices is accepted: the refusal above is the count's, not the device's.
      action('2h', 'stop-and-quarantine', `sha256: '${sha('a')}'`, 'devices: [ws-0001]'),
    ].join('\n'),
    pins: [
      '{ actionCenterEntry: { device: ws-0001, actionType: Stop and quarantine file, at: 90m, present: false } }',
      '{ actionCenterEntry: { device: ws-1200, actionType: Stop and quarantine file, present: false } }',
      '{ actionCenterEntry: { device: ws-0001, actionType: Stop and quarantine file, status: Completed } }',
    ],
    opposites: ['{ actionCenterEntry: { device: ws-0001, actionType: Stop and quarantine file, at: 90m, present: true } }'],
  },
  {
    id: 'T85',
    title: 'AIR on: Defender Antivirus prevents a file before it runs → alert Informational; AIR adds nothing',
    scenario: [
      `${FULL}devices:\n  - { name: ws-01, os: windows-11 }\ntimeline:`,
      artifact('f1', 'ws-01', 'C:\\Users\\u\\Downloads\\crack.exe', { signals: '{ primaryAv: miss, mdav: detect, edr: miss }' }),
    ].join('\n'),
    pins: [
      '{ artifact: f1, outcome: blocked, by: mdav, detectionStatus: Prevented, actionCenter: true }',
      '{ alerts: { artifact: f1, severity: Informational, count: 1 } }',
      '{ actionCenterEntry: { artifact: f1, present: false } }',
    ],
    opposites: ['{ alerts: { artifact: f1, severity: Low, count: 1 } }'],
  },
  {
    id: 'T86',
    title: 'AIR on: Defender Antivirus blocks a process while it runs → alert Low',
    scenario: [
      `${FULL}devices:\n  - { name: ws-01, os: windows-11 }\ntimeline:`,
      artifact('p1', 'ws-01', 'C:\\Users\\u\\AppData\\Local\\Temp\\lib.exe', {
        kind: 'process',
        signals: '{ primaryAv: miss, mdav: detect, edr: miss }',
      }),
    ].join('\n'),
    pins: [
      '{ artifact: p1, outcome: blocked, by: mdav, detectionStatus: Blocked }',
      '{ alerts: { artifact: p1, severity: Low, count: 1 } }',
    ],
    opposites: ['{ alerts: { artifact: p1, severity: Informational, count: 1 } }'],
  },
  {
    id: 'T87',
    title: 'remediated with autoresolve on, the analyst had set In progress → the analyst\'s status stays',
    scenario: [
      `tenant:\n  ungroupedAutomationLevel: semi-all-folders\ndevices:\n${passive('ws-01')}\n${passive('ws-02')}`,
      `timeline:\n${artifact('a1', 'ws-01', 'C:\\Users\\u\\Downloads\\x.exe')}`,
      artifact('a2', 'ws-02', 'C:\\Users\\v\\Downloads\\x.exe'),
      action('20m', 'alert-status', 'artifact: a2', 'status: InProgress'),
      action('1h', 'approve', 'artifact: a1'),
      action('1h', 'approve', 'artifact: a2'),
    ].join('\n'),
    pins: [
      '{ investigation: { artifact: a2, state: SuccessfullyRemediated } }',
      '{ alerts: { artifact: a2, status: InProgress, count: 1 } }',
      '{ alerts: { artifact: a1, status: Resolved, count: 1 } }',
    ],
    opposites: ['{ alerts: { artifact: a2, status: Resolved, count: 1 } }', '{ alerts: { artifact: a1, status: New, count: 1 } }'],
  },
  {
    id: 'T88',
    title: 'AIR on Server 2016 without Defender Antivirus → Failed; on Server 1803 → UnsupportedOs',
    scenario: [
      `${FULL}devices:`,
      '  - { name: srv-16, os: server-2016, serverAgent: unified, primaryAv: non-microsoft, mdav: { installed: false } }',
      '  - { name: srv-18, os: server-1803, primaryAv: non-microsoft, forceDefenderPassiveMode: 1 }',
      `timeline:\n${artifact('a1', 'srv-16', 'C:\\Windows\\Temp\\x.exe')}`,
      artifact('a2', 'srv-18', 'C:\\Windows\\Temp\\x.exe'),
    ].join('\n'),
    pins: [
      '{ investigation: { artifact: a1, state: Failed } }',
      '{ investigation: { artifact: a2, state: UnsupportedOs } }',
      '{ actionCenterEntry: { device: srv-16, present: false } }',
    ],
    opposites: ['{ investigation: { artifact: a1, state: SuccessfullyRemediated } }', '{ investigation: { artifact: a2, state: Failed } }'],
  },
];
