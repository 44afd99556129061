import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_MDAV, DEFAULT_TENANT } from '../../engine/core/config.ts';
import { DEFAULT_START } from '../../engine/core/duration.ts';
import { CONTRACT_TEXT, loaded, MINIMAL, yaml } from './scenario-text.ts';

describe('loadScenario defaults', () => {
  it('should fill every contract default into a minimal scenario', () => {
    const scenario = loaded(MINIMAL);
    expect(scenario.seed).toBe(0);
    expect(scenario.start).toBe(DEFAULT_START);
    expect(scenario.startMs).toBe(Date.parse(DEFAULT_START));
    expect(scenario.settings).toEqual(DEFAULT_CONFLICT_SETTINGS);
    expect(scenario.tenant).toEqual(DEFAULT_TENANT);
    expect(scenario.exclusions).toEqual({ paths: [], extensions: [], processes: [] });
    expect(scenario.indicators).toEqual([]);
    expect(scenario.timeline).toEqual([]);
    expect(scenario.expect).toEqual([]);
    expect(scenario.devices).toMatchInlineSnapshot(`
      [
        {
          "exclusions": {
            "extensions": [],
            "paths": [],
            "processes": [],
          },
          "groupPolicyEdrBlockMode": false,
          "mdav": {
            "cloudProtection": true,
            "engine": "1.1.24090.11",
            "installed": true,
            "platform": "4.18.24090.11",
          },
          "name": "ws-01",
          "onboarded": true,
          "os": "windows-11",
          "primaryAv": "defender",
          "securityCenter": true,
          "serverAgent": "unified",
          "smartAppControl": "off",
          "tags": [],
          "tamperProtection": true,
          "thirdPartyAv": "running",
          "turnOffDefenderPolicy": "none",
        },
      ]
    `);
  });

  it('should keep the tenant propagation defaults of §3.5 when only one delay is set', () => {
    const scenario = loaded(yaml(MINIMAL, 'tenant:', '  propagation: { edrBlockModeEnable: 2m }'));
    expect(scenario.tenant.propagation).toEqual({ edrBlockModeDisable: 30 * 60_000, edrBlockModeEnable: 120_000 });
  });

  it('should merge a partial mdav block over DEFAULT_MDAV', () => {
    const scenario = loaded(
      yaml('name: demo', 'devices:', '  - { name: ws-01, os: windows-10, mdav: { cloudProtection: false } }'),
    );
    expect(scenario.devices[0]?.mdav).toEqual({ ...DEFAULT_MDAV, cloudProtection: false });
  });

  it('should merge settings over the recommended readings of §7', () => {
    const scenario = loaded(yaml(MINIMAL, 'settings: { trailingStar: folder, activeRunningMode: EDR Block Mode }'));
    expect(scenario.settings).toEqual({
      ...DEFAULT_CONFLICT_SETTINGS,
      trailingStar: 'folder',
      activeRunningMode: 'EDR Block Mode',
    });
  });

  it('should read passiveRemediation written as a YAML hex literal or a quoted hex string (§3.4)', () => {
    const scenario = loaded(
      yaml(
        'name: demo',
        'devices:',
        '  - { name: a, os: server-2019, passiveRemediation: 0x1 }',
        "  - { name: b, os: server-2019, passiveRemediation: '0x4' }",
      ),
    );
    expect(scenario.devices.map((device) => device.passiveRemediation)).toEqual([1, 4]);
  });

  it('should normalise the start time to ISO UTC', () => {
    const scenario = loaded(yaml(MINIMAL, 'start: 2026-03-16T10:00:00+01:00'));
    expect(scenario.start).toBe('2026-03-16T09:00:00.000Z');
  });
});

describe('loadScenario artifacts', () => {
  const withArtifact = (fields: string) =>
    yaml(MINIMAL, 'timeline:', `  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe'${fields} } }`);
  const artifactOf = (fields: string) => {
    const event = loaded(withArtifact(fields)).timeline[0];
    if (event?.kind !== 'artifact') throw new Error('expected an artifact event');
    return event.artifact;
  };

  it('should default an artifact to a malicious file seen on access, flagged by every engine', () => {
    expect(artifactOf('')).toEqual({
      id: 'a1',
      device: 'ws-01',
      path: 'C:\\x.exe',
      at: 0,
      class: 'malicious',
      kind: 'file',
      trigger: 'on-access',
      signals: { primaryAv: true, mdav: true, edr: true },
    });
  });

  it('should default a benign artifact to signals that miss', () => {
    expect(artifactOf(', class: benign').signals).toEqual({ primaryAv: false, mdav: false, edr: false });
  });

  it('should fill the signals a partial signals map leaves out with the class default', () => {
    expect(artifactOf(', signals: { primaryAv: miss }').signals).toEqual({ primaryAv: false, mdav: true, edr: true });
    expect(artifactOf(', class: benign, signals: { edr: detect }').signals).toEqual({ primaryAv: false, mdav: false, edr: true });
  });

  it('should give a scan trigger the full scan type and a behavior artifact the behavior trigger', () => {
    expect(artifactOf(', trigger: scheduled-scan').scanType).toBe('full');
    expect(artifactOf(', trigger: on-demand-scan, scanType: quick').scanType).toBe('quick');
    expect(artifactOf(', kind: behavior').trigger).toBe('behavior');
    expect(artifactOf('').scanType).toBeUndefined();
  });
});

describe('loadScenario timeline', () => {
  it('should sort events by at and keep file order at the same at (§3)', () => {
    const scenario = loaded(
      yaml(
        MINIMAL,
        'timeline:',
        "  - { at: 10m, artifact: { id: late, device: ws-01, path: 'C:\\a.exe' } }",
        '  - { at: 0m, change: { tenant: { edrBlockMode: true } } }',
        "  - { at: '00:00:00', artifact: { id: first-at-zero, device: ws-01, path: 'C:\\b.exe' } }",
        '  - { at: 0, generate: { count: 5 } }',
      ),
    );
    expect(scenario.timeline.map((event) => [event.kind, event.at, event.order])).toEqual([
      ['change', 0, 1],
      ['artifact', 0, 2],
      ['generate', 0, 3],
      ['artifact', 600_000, 0],
    ]);
  });

  it('should resolve generate defaults: every device, gen-N ids in file order, the default mix and detection', () => {
    const scenario = loaded(
      yaml(
        'name: demo',
        'fleet: [{ count: 3, namePrefix: lab-, template: { os: windows-10 } }]',
        'timeline:',
        '  - { at: 0m, generate: { count: 10 } }',
        '  - { at: 1m, generate: { count: 10, id: burst, devices: [lab-2], window: 1h, mix: { malicious: 1 }, detection: { edr: 0.5 } } }',
        '  - { at: 2m, generate: { count: 10 } }',
      ),
    );
    expect(scenario.timeline.map((event) => (event.kind === 'generate' ? event.generate : undefined))).toMatchInlineSnapshot(`
      [
        {
          "at": 0,
          "count": 10,
          "detection": {
            "edr": 0.8,
            "mdav": 0.95,
            "primaryAv": 0.9,
          },
          "devices": [
            "lab-1",
            "lab-2",
            "lab-3",
          ],
          "id": "gen-1",
          "mix": {
            "benign": 0.93,
            "malicious": 0.05,
            "pua": 0.02,
          },
          "window": 0,
        },
        {
          "at": 60000,
          "count": 10,
          "detection": {
            "edr": 0.5,
            "mdav": 0.95,
            "primaryAv": 0.9,
          },
          "devices": [
            "lab-2",
          ],
          "id": "burst",
          "mix": {
            "benign": 0,
            "malicious": 1,
            "pua": 0,
          },
          "window": 3600000,
        },
        {
          "at": 120000,
          "count": 10,
          "detection": {
            "edr": 0.8,
            "mdav": 0.95,
            "primaryAv": 0.9,
          },
          "devices": [
            "lab-1",
            "lab-2",
            "lab-3",
          ],
          "id": "gen-3",
          "mix": {
            "benign": 0.93,
            "malicious": 0.05,
            "pua": 0.02,
          },
          "window": 0,
        },
      ]
    `);
  });

  it('should keep a change as a patch of only the keys it names', () => {
    const scenario = loaded(
      yaml(
        MINIMAL,
        'timeline:',
        '  - at: 10m',
        '    change:',
        '      tenant: { edrBlockMode: false, propagation: { edrBlockModeDisable: 5m } }',
        '      devices: { ws-01: { primaryAv: non-microsoft, mdav: { cloudProtection: false }, exclusions: { paths: [] } } }',
        "      exclusions: { paths: ['C:\\Build\\'] }",
        '      indicators: []',
        '      by: { user: dana, role: security-reader }',
      ),
    );
    expect(scenario.timeline[0]).toMatchInlineSnapshot(`
      {
        "at": 600000,
        "change": {
          "by": {
            "role": "security-reader",
            "user": "dana",
          },
          "devices": {
            "ws-01": {
              "exclusions": {
                "paths": [],
              },
              "mdav": {
                "cloudProtection": false,
              },
              "primaryAv": "non-microsoft",
            },
          },
          "exclusions": {
            "paths": [
              "C:\\Build\\",
            ],
          },
          "indicators": [],
          "tenant": {
            "edrBlockMode": false,
            "propagation": {
              "edrBlockModeDisable": 300000,
            },
          },
        },
        "kind": "change",
        "order": 0,
      }
    `);
  });
});

describe('loadScenario fleet', () => {
  it('should name fleet members with the prefix and a number zero-padded to the width of count', () => {
    const scenario = loaded(
      yaml(
        'name: demo',
        'fleet:',
        '  - { count: 1000, namePrefix: ws-, template: { os: windows-10, primaryAv: non-microsoft } }',
      ),
    );
    expect(scenario.devices).toHaveLength(1000);
    expect([scenario.devices[0]?.name, scenario.devices[9]?.name, scenario.devices[999]?.name]).toEqual([
      'ws-0001',
      'ws-0010',
      'ws-1000',
    ]);
    expect(scenario.devices.every((device) => device.primaryAv === 'non-microsoft' && device.os === 'windows-10')).toBe(true);
  });

  it('should list devices before fleet members and default the prefix to device-', () => {
    const scenario = loaded(yaml(MINIMAL, 'fleet: [{ count: 12, template: { os: server-2022 } }]'));
    expect(scenario.devices.map((device) => device.name).slice(0, 3)).toEqual(['ws-01', 'device-01', 'device-02']);
    expect(scenario.devices.at(-1)?.name).toBe('device-12');
  });
});

describe('loadScenario expectations', () => {
  it('should tag each expectation with its kind and split filters from count bounds', () => {
    const scenario = loaded(CONTRACT_TEXT, {}, 'contract.yaml');
    expect(scenario.expect).toMatchInlineSnapshot(`
      [
        {
          "actionCenter": true,
          "artifact": "a1",
          "by": "edr-block-mode",
          "cite": "§3.7",
          "column": 5,
          "detectionStatus": "Blocked",
          "index": 0,
          "kind": "artifact",
          "line": 82,
          "name": "artifact a1: outcome blocked, by edr-block-mode, detectionStatus Blocked, actionCenter true",
          "outcome": "blocked",
        },
        {
          "at": 300000,
          "column": 5,
          "device": "ws-01",
          "edrBlockMode": "effective",
          "index": 1,
          "kind": "device",
          "line": 88,
          "mode": "passive",
          "name": "device ws-01 at 5m: mode passive, runningMode EDR Block Mode, edrBlockMode effective",
          "runningMode": "EDR Block Mode",
        },
        {
          "bounds": {
            "atLeast": 1,
          },
          "column": 5,
          "filter": {
            "device": "ws-01",
          },
          "index": 2,
          "kind": "actionCenter",
          "line": 93,
          "name": "Action Center entries (device ws-01): at least 1",
        },
        {
          "bounds": {
            "count": 0,
          },
          "column": 5,
          "filter": {
            "detectionStatus": "Detected",
          },
          "index": 3,
          "kind": "alerts",
          "line": 94,
          "name": "alerts (detectionStatus Detected): exactly 0",
        },
        {
          "column": 5,
          "device": "ws-01",
          "id": "turn-on-edr-block-mode",
          "index": 4,
          "kind": "recommendation",
          "line": 95,
          "name": "recommendation turn-on-edr-block-mode on ws-01: absent",
          "present": false,
        },
        {
          "column": 5,
          "filter": {
            "class": "malicious",
            "outcome": "blocked",
          },
          "index": 5,
          "kind": "totals",
          "line": 96,
          "name": "share of malicious artifacts with outcome blocked: ≥ 0.9",
          "share": {
            "atLeast": 0.9,
          },
        },
      ]
    `);
  });

  it('should read the running-mode spellings of C2 as Passive Mode', () => {
    const scenario = loaded(
      yaml(
        MINIMAL,
        'expect:',
        '  - { device: ws-01, runningMode: Passive }',
        '  - { device: ws-01, at: 1m, runningMode: Passive mode }',
      ),
    );
    expect(scenario.expect.map((expectation) => (expectation.kind === 'device' ? expectation.runningMode : undefined))).toEqual([
      'Passive Mode',
      'Passive Mode',
    ]);
  });

  it('should default a recommendation expectation to turn-on-edr-block-mode being present (§3.10)', () => {
    const scenario = loaded(yaml(MINIMAL, 'expect: [{ recommendation: { device: ws-01 } }]'));
    expect(scenario.expect[0]).toEqual({
      kind: 'recommendation',
      index: 0,
      device: 'ws-01',
      id: 'turn-on-edr-block-mode',
      present: true,
      name: 'recommendation turn-on-edr-block-mode on ws-01: present',
      // The `{` of the entry: line 6 of the file, after `expect: [`.
      line: 6,
      column: 10,
    });
  });
});

describe('loadScenario formats', () => {
  it('should load the contract example of §1', () => {
    const scenario = loaded(CONTRACT_TEXT, {}, 'contract.yaml');
    expect(scenario.name).toBe('Block mode remediates what the third-party antivirus missed');
    expect(scenario.devices).toHaveLength(1001);
    expect(scenario.devices[0]?.passiveRemediation).toBe(1);
    expect(scenario.exclusions.paths).toEqual(['C:\\Tools\\', '%ProgramFiles%\\Contoso*\\v?\\bin\\contoso.exe']);
    expect(scenario.warnings).toEqual([]);
  });

  it('should load the same scenario from JSON', () => {
    const fromYaml = loaded(CONTRACT_TEXT, {}, 'contract.yaml');
    const json = JSON.stringify(parse(CONTRACT_TEXT));
    const fromJson = loaded(json, {}, 'contract.json');
    // Only where each expectation is written differs: JSON puts the whole document on one line.
    const unplaced = (scenario: typeof fromYaml) => ({
      ...scenario,
      expect: scenario.expect.map(({ line: _line, column: _column, ...expectation }) => expectation),
    });
    expect(fromJson.expect[0]).toMatchObject({ line: 1 });
    expect(unplaced({ ...fromJson, file: 'contract.yaml' })).toEqual(unplaced(fromYaml));
  });

  it('should load with warnings for settings that cannot apply', () => {
    const scenario = loaded(
      yaml('name: demo', 'devices:', '  - { name: ws-01, os: windows-10, smartAppControl: on, forceDefenderPassiveMode: 1 }'),
    );
    expect(scenario.warnings.map((warning) => `${warning.line}:${warning.column} ${warning.code}`)).toEqual([
      '3:53 smart_app_control_os',
      '3:83 force_passive_client',
    ]);
  });
});
