import { describe, expect, it } from 'vitest';
import type { Issue, Path } from '../../engine/core/issue.ts';
import { loadScenario } from '../../engine/scenario/index.ts';
import { MINIMAL, problems, yaml } from './scenario-text.ts';

const artifact = (id: string, device: string, at = '0m') =>
  `  - { at: ${at}, artifact: { id: ${id}, device: ${device}, path: 'C:\\x.exe' } }`;

describe('loadScenario reports', () => {
  it('should report an artifact id used twice, at the second use', () => {
    expect(problems(yaml(MINIMAL, 'timeline:', artifact('a1', 'ws-01'), artifact('a1', 'ws-01', '1m')))).toMatchInlineSnapshot(`
      "✖ demo.yaml:8:31 timeline[1].artifact.id: id "a1" is used twice
        expected: ids unique in the scenario
        received: "a1"
        hint: first used at timeline[0].artifact.id"
    `);
  });

  it('should report references to unknown devices from artifacts, changes, generators and expectations, with did you mean', () => {
    const text = yaml(
      MINIMAL,
      'timeline:',
      artifact('a1', 'ws-1'),
      '  - { at: 1m, change: { devices: { WS-01x: { primaryAv: defender } } } }',
      '  - { at: 2m, generate: { count: 10, devices: [ws-01, ws-02] } }',
      'expect:',
      '  - { device: ws-10, mode: passive }',
      '  - { actionCenter: { device: ws-00, atLeast: 1 } }',
      '  - { recommendation: { device: server-1 } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:7:43 timeline[0].artifact.device: device "ws-1" is not defined
        expected: a device from devices or fleet
        received: "ws-1"
        hint: did you mean "ws-01"?
      ✖ demo.yaml:8:44 timeline[1].change.devices.WS-01x: device "WS-01x" is not defined
        expected: a device from devices or fleet
        received: "WS-01x"
        hint: did you mean "ws-01"?
      ✖ demo.yaml:9:55 timeline[2].generate.devices[1]: device "ws-02" is not defined
        expected: a device from devices or fleet
        received: "ws-02"
        hint: did you mean "ws-01"?
      ✖ demo.yaml:11:15 expect[0].device: device "ws-10" is not defined
        expected: a device from devices or fleet
        received: "ws-10"
        hint: did you mean "ws-01"?
      ✖ demo.yaml:12:31 expect[1].actionCenter.device: device "ws-00" is not defined
        expected: a device from devices or fleet
        received: "ws-00"
        hint: did you mean "ws-01"?
      ✖ demo.yaml:13:33 expect[2].recommendation.device: device "server-1" is not defined
        expected: a device from devices or fleet
        received: "server-1""
    `);
  });

  it('should report a bad version string with the Get-MpComputerStatus hint', () => {
    expect(
      problems(
        yaml('name: demo', 'devices:', '  - { name: ws-01, os: windows-11, mdav: { platform: 4.18.2001.10.7, engine: latest } }'),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:3:54 devices[0].mdav.platform: version "4.18.2001.10.7" is not a dotted version
        expected: numbers separated by dots, e.g. 4.18.24090.11 (platform) or 1.1.24090.11 (engine)
        received: "4.18.2001.10.7"
        hint: copy AMProductVersion / AMEngineVersion from Get-MpComputerStatus; quote it in YAML
      ✖ demo.yaml:3:78 devices[0].mdav.engine: version "latest" is not a dotted version
        expected: numbers separated by dots, e.g. 4.18.24090.11 (platform) or 1.1.24090.11 (engine)
        received: "latest"
        hint: copy AMProductVersion / AMEngineVersion from Get-MpComputerStatus; quote it in YAML"
    `);
  });

  it('should report an invalid exclusion entry from the injected validator at its line and column', () => {
    const validateExclusions = (lists: { paths: readonly string[] }, path: Path): Issue[] =>
      lists.paths.flatMap((entry, index) =>
        entry.includes('**')
          ? [
              {
                code: 'bad_exclusion',
                path: [...path, 'paths', index],
                message: `path "${entry}" uses **, which MDAV does not support`,
                hint: 'use * per folder level (§4.2)',
              },
            ]
          : [],
      );
    const text = yaml(
      MINIMAL,
      'exclusions:',
      "  paths: ['C:\\Tools\\', 'C:\\**\\x.exe']",
      'devices:',
      "  - { name: ws-01, os: windows-11, exclusions: { paths: ['D:\\**'] } }",
    );
    const deduplicated = text.replace(MINIMAL, 'name: demo\n');
    expect(problems(deduplicated, { validateExclusions })).toMatchInlineSnapshot(`
      "✖ demo.yaml:4:24 exclusions.paths[1]: path "C:\\**\\x.exe" uses **, which MDAV does not support
        hint: use * per folder level (§4.2)
      ✖ demo.yaml:6:58 devices[0].exclusions.paths[0]: path "D:\\**" uses **, which MDAV does not support
        hint: use * per folder level (§4.2)"
    `);
  });

  it("should escape invisible characters in an injected validator's message, which did not quote them", () => {
    const validateExclusions = (lists: { paths: readonly string[] }): Issue[] => [
      { code: 'bad_exclusion', path: ['paths', 0], message: `path \`${lists.paths[0]}\` is bad` },
    ];
    expect(problems(yaml(MINIMAL, 'exclusions: { paths: ["C:/\\u202etxt.exe"] }'), { validateExclusions })).toMatchInlineSnapshot(
      `"✖ demo.yaml:6:23 exclusions.paths[0]: path \`C:/\\u202etxt.exe\` is bad"`,
    );
  });

  it('should accept exclusion validator issues whose paths are relative to the lists', () => {
    const validateExclusions = (): Issue[] => [
      { code: 'bad_exclusion', path: ['extensions', 0], message: 'extension ".*" matches everything' },
    ];
    expect(problems(yaml(MINIMAL, 'exclusions: { extensions: [".*"] }'), { validateExclusions })).toMatchInlineSnapshot(
      `"✖ demo.yaml:6:28 exclusions.extensions[0]: extension ".*" matches everything"`,
    );
  });

  it('should report an expectation naming an artifact the timeline does not define', () => {
    const text = yaml(
      MINIMAL,
      'timeline:',
      artifact('invoice', 'ws-01'),
      'expect:',
      '  - { artifact: invoic, outcome: blocked }',
      '  - { alerts: { artifact: nothing, count: 0 } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:17 expect[0].artifact: artifact "invoic" is not defined
        expected: an artifact id from the timeline
        received: "invoic"
        hint: did you mean "invoice"?
      ✖ demo.yaml:10:27 expect[1].alerts.artifact: artifact "nothing" is not defined
        expected: an artifact id from the timeline
        received: "nothing""
    `);
  });

  it('should accept expectations naming artifacts a generator makes', () => {
    const result = loadScenario(
      yaml(
        MINIMAL,
        'timeline:',
        '  - { at: 0m, generate: { count: 10 } }',
        'expect:',
        '  - { artifact: gen-1-0003, outcome: missed }',
      ),
      'demo.yaml',
    );
    expect(result.ok).toBe(true);
  });

  it('should report negative and malformed durations', () => {
    const text = yaml(
      MINIMAL,
      'tenant: { propagation: { edrBlockModeDisable: -30m } }',
      'timeline:',
      artifact('a1', 'ws-01', '5'),
      artifact('a2', 'ws-01', 'soon'),
      artifact('a3', 'ws-01', 'true'),
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:6:47 tenant.propagation.edrBlockModeDisable: duration "-30m" is negative
        expected: a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: "-30m"
        hint: times are offsets from the scenario start and cannot be negative
      ✖ demo.yaml:8:11 timeline[0].at: duration must be a string like "30m"
        expected: a duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: 5
        hint: write "5s" or "5m" to say which unit
      ✖ demo.yaml:9:11 timeline[1].at: "soon" is not a duration
        expected: a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: "soon"
      ✖ demo.yaml:10:11 timeline[2].at: at must be a duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        expected: a duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: true"
    `);
  });

  it('should report unknown keys everywhere with the closest known key', () => {
    const text = yaml(
      'name: demo',
      'devise: []',
      'tenant: { edrBlokMode: true }',
      'devices:',
      '  - { name: ws-01, os: windows-11, primaryAV: defender, mdav: { cloudProtecton: false } }',
      'timeline:',
      "  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe', signals: { edrr: miss } } }",
      '  - { at: 0m, artifcat: {} }',
      'expect:',
      '  - { artifact: a1, outcom: blocked }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:2:1 devise: unknown key "devise"
        expected: one of $schema, name, description, tags, seed, start, settings, tenant, devices, fleet, exclusions, indicators, timeline, expect
        hint: did you mean "devices"?
      ✖ demo.yaml:3:11 tenant.edrBlokMode: unknown key "edrBlokMode"
        expected: one of license, edrBlockMode, allowOrBlockFile, deviceGroups, propagation, air, createdAt, ungroupedAutomationLevel, autoresolve
        hint: did you mean "edrBlockMode"?
      ✖ demo.yaml:5:36 devices[0].primaryAV: unknown key "primaryAV"
        expected: one of name, os, onboarded, serverAgent, primaryAv, thirdPartyAv, securityCenter, smartAppControl, forceDefenderPassiveMode, turnOffDefenderPolicy, tamperProtection, mdav, passiveRemediation, groupPolicyEdrBlockMode, tags, domain, exclusions, intune, localExclusions, disableLocalAdminMe…
        hint: did you mean "primaryAv"?
      ✖ demo.yaml:5:65 devices[0].mdav.cloudProtecton: unknown key "cloudProtecton"
        expected: one of installed, platform, engine, cloudProtection
        hint: did you mean "cloudProtection"?
      ✖ demo.yaml:7:79 timeline[0].artifact.signals.edrr: unknown key "edrr"
        expected: one of primaryAv, mdav, edr
        hint: did you mean "edr"?
      ✖ demo.yaml:8:5 timeline[1]: timeline event has none of artifact, change, generate, action
        expected: a map with one of artifact, change, generate, action
        received: keys at, artifcat
        hint: did you mean "artifact"? (from "artifcat")
      ✖ demo.yaml:10:5 expect[0]: artifact expectation asserts nothing
        expected: at least one of outcome, by, detectionStatus, actionCenter
      ✖ demo.yaml:10:21 expect[0].outcom: unknown key "outcom"
        expected: one of artifact, outcome, by, detectionStatus, actionCenter, cite, name
        hint: did you mean "outcome"?"
    `);
  });

  it('should report values outside the contract vocabulary with did you mean', () => {
    const text = yaml(
      'name: demo',
      'devices:',
      '  - { name: ws-01, os: windows-2019, primaryAv: microsoft, onboarded: yes, forceDefenderPassiveMode: 2 }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:3:24 devices[0].os: os "windows-2019" is not an allowed value
        expected: windows-10 | windows-11 | server-1803 | server-2012-r2 | server-2016 | server-2019 | server-2022 | server-2025
        received: "windows-2019"
        hint: did you mean "windows-10"?
      ✖ demo.yaml:3:49 devices[0].primaryAv: primaryAv "microsoft" is not an allowed value
        expected: defender | non-microsoft
        received: "microsoft"
      ✖ demo.yaml:3:71 devices[0].onboarded: onboarded must be true or false
        expected: true or false
        received: "yes"
        hint: YAML 1.2 reads yes/no/on/off as text: write true or false
      ✖ demo.yaml:3:102 devices[0].forceDefenderPassiveMode: forceDefenderPassiveMode 2 is not an allowed value
        expected: 0 | 1
        received: 2"
    `);
  });

  it('should report every problem of a file at once', () => {
    const text = yaml(
      'name: demo',
      'tenant: { license: e5 }',
      'devices:',
      '  - { name: ws-01, os: windows-11, mdav: { platform: x } }',
      '  - { name: ws-01, os: windows-10 }',
      'timeline:',
      artifact('a1', 'ws-02', '-1m'),
      'expect:',
      '  - { artifact: a9, outcome: blocked }',
    );
    const result = loadScenario(text, 'demo.yaml');
    expect(result.ok ? [] : result.issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}`)).toEqual([
      '2:20 invalid_value',
      '4:54 bad_version',
      '5:13 duplicate_device',
      '7:11 bad_duration',
      '7:44 unknown_device',
      '9:17 unknown_artifact',
    ]);
  });
});

describe('loadScenario refuses', () => {
  it('should refuse a file that is not YAML at all', () => {
    expect(problems('{ name: [unclosed\n  devices: ]]]\n')).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:10 (root): YAML syntax error: Implicit keys of flow sequence pairs need to be on a single line
        received: "unclosed\\n  devices"
      ✖ demo.yaml:2:13 (root): YAML syntax error: Flow map must end with a }
        received: "]"
        hint: a bracket or quote is not closed
      ✖ demo.yaml:2:14 (root): YAML syntax error: Unexpected flow-seq-end token in YAML stream: "]"
        received: "]"
        hint: quote a value that contains special characters"
    `);
    expect(problems('just some words, not a scenario')).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): file is not a scenario: its top level is not a map of keys
        expected: a map with name, devices, timeline, …
        received: the string "just some words, not a scenario"
        hint: is this a scenario file? a scenario starts with "name: …""
    `);
  });

  it('should refuse a YAML bomb by counting what its aliases stand for, never expanding them', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    // 9^9 values if expanded: the count refuses it first (a timed assertion would only measure the machine).
    const text = problems(yaml(...levels));
    expect(text).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): aliases expand past 1000000 values: refused as a resource exhaustion ("billion laughs") attack
        expected: aliases that stand for at most 1000000 values in all
        hint: use fleet to repeat a device template, not nested aliases"
    `);
  });

  it('should refuse a file larger than any scenario before parsing it', () => {
    const started = performance.now();
    const text = problems(`name: ${'x'.repeat(4_000_001)}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(text).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): file is 4000007 characters long, more than the 4000000 a scenario may have
        expected: at most 4000000 characters
        received: 4000007 characters
        hint: use fleet and generate to describe many devices and artifacts instead of listing them"
    `);
  });

  it('should refuse an alias that contains itself', () => {
    expect(problems(yaml('name: demo', 'devices: &loop [*loop]'))).toMatchInlineSnapshot(`
      "✖ demo.yaml:2:17 devices[0]: alias *loop refers to a node that contains it
        expected: aliases to finished anchors only
        received: *loop
        hint: a scenario cannot contain itself; copy the values instead"
    `);
  });

  it('should refuse binary text: NUL bytes or characters that were not UTF-8', () => {
    expect(problems('name: demo\nPK\u0003\u0004\u0000\u0000')).toMatchInlineSnapshot(`
      "✖ demo.yaml:2:5 (root): file contains NUL bytes: it is a binary file, not YAML or JSON
        expected: UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark
        received: binary data
        hint: save the file as UTF-8 text; is this the right file?"
    `);
    expect(problems('name: d\uFFFDmo\n')).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:8 (root): file is not valid UTF-8 text
        expected: UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark
        received: binary data
        hint: save the file as UTF-8 text; is this the right file?"
    `);
  });

  it('should refuse an empty file and a file of comments', () => {
    expect(problems('')).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): file is empty: it has no scenario in it
        expected: a map with at least \`name\` and \`devices\`
        received: an empty file
        hint: start from an example in scenarios/, e.g. \`name: My scenario\` then \`devices: [{ name: ws-01, os: windows-11 }]\`"
    `);
    expect(problems('# nothing yet\n\n')).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): file is empty: it has no scenario in it
        expected: a map with at least \`name\` and \`devices\`
        received: only comments
        hint: start from an example in scenarios/, e.g. \`name: My scenario\` then \`devices: [{ name: ws-01, os: windows-11 }]\`"
    `);
  });

  it('should refuse a Windows path in double quotes whose backslashes YAML read as escapes', () => {
    const text = yaml(MINIMAL, 'exclusions:', '  paths: ["C:\\Users\\temp", "C:\\temp\\new", "C:\\\\Tools\\\\ok"]');
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:7:11 exclusions.paths[0]: Windows path "C:\\Users\\temp" is in double quotes, where each backslash starts an escape sequence
        expected: a path in single quotes
        received: "C:\\\\Users\\\\temp"
        hint: use single quotes, where backslashes are plain characters: 'C:\\Users\\temp'
      ✖ demo.yaml:7:28 exclusions.paths[1]: Windows path "C:\\temp\\new" is in double quotes, where each backslash starts an escape sequence
        expected: a path in single quotes
        received: "C:\\temp\\new"
        hint: use single quotes, where backslashes are plain characters: 'C:\\temp\\new'"
    `);
  });

  it('should end each double-quoted folder at its trailing backslash, without the parser errors its run-on causes', () => {
    // `\"` escapes the closing quote, so "C:\A\" swallows `, ` up to the next item's opening quote.
    const text = yaml(
      MINIMAL,
      'exclusions:',
      '  paths: ["C:\\A\\", "D:\\B\\"]',
      '  processes:',
      '    - "%ProgramData%\\App\\"',
      '    - app.exe',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:7:11 exclusions.paths[0]: Windows path "C:\\A\\" is in double quotes, where each backslash starts an escape sequence: the last one escapes the closing quote
        expected: a path in single quotes
        received: "C:\\\\A\\", "
        hint: use single quotes, where backslashes are plain characters: 'C:\\A\\'
      ✖ demo.yaml:7:20 exclusions.paths[1]: Windows path "D:\\B\\" is in double quotes, where each backslash starts an escape sequence: the last one escapes the closing quote
        expected: a path in single quotes
        received: "D:\\\\B\\""
        hint: use single quotes, where backslashes are plain characters: 'D:\\B\\'
      ✖ demo.yaml:9:7 exclusions.processes[0]: Windows path "%ProgramData%\\App\\" is in double quotes, where each backslash starts an escape sequence: the last one escapes the closing quote
        expected: a path in single quotes
        received: "%ProgramData%\\\\App\\" - app.exe"
        hint: use single quotes, where backslashes are plain characters: '%ProgramData%\\App\\'"
    `);
  });

  it('should show an invisible character YAML read from an escape as \\uXXXX, never raw', () => {
    // "\P" is U+2029 in YAML; "\u200b" a zero-width space, which makes ws-01 an unknown device.
    const text = yaml(
      MINIMAL,
      'exclusions: { paths: ["C:\\Pub\\tools"] }',
      'timeline:',
      '  - { at: 0m, artifact: { id: a1, device: "ws-0\\u200b1", path: \'C:\\x.exe\' } }',
    );
    const shown = problems(text);
    expect(shown).not.toMatch(/[\u2028\u2029\u200b]/);
    expect(shown).toMatchInlineSnapshot(`
      "✖ demo.yaml:6:23 exclusions.paths[0]: Windows path "C:\\Pub\\tools" is in double quotes, where each backslash starts an escape sequence
        expected: a path in single quotes
        received: "C:\\u2029ub\\tools"
        hint: use single quotes, where backslashes are plain characters: 'C:\\Pub\\tools'
      ✖ demo.yaml:8:43 timeline[0].artifact.device: device "ws-0\\u200b1" is not defined
        expected: a device from devices or fleet
        received: "ws-0\\u200b1"
        hint: did you mean "ws-01"?"
    `);
  });

  it('should say that JSON has no comments, at the comment, and still validate the rest', () => {
    const json =
      '{\n  "name": "demo",\n  // the sales laptops\n  "devices": [{ "name": "ws-01", "os": "windows-12" }] /* one */\n}\n';
    expect(problems(json, {}, 'demo.json')).toMatchInlineSnapshot(`
      "✖ demo.json:3:3 (root): comment "// the sales laptops" is not allowed: JSON has no comments
        expected: plain JSON, without comments
        received: a // comment
        hint: remove it, or rename the file to .yaml and write it as a # comment: YAML has comments
      ✖ demo.json:4:40 devices[0].os: os "windows-12" is not an allowed value
        expected: windows-10 | windows-11 | server-1803 | server-2012-r2 | server-2016 | server-2019 | server-2022 | server-2025
        received: "windows-12"
        hint: did you mean "windows-10"?
      ✖ demo.json:4:56 (root): comment "/* one */" is not allowed: JSON has no comments
        expected: plain JSON, without comments
        received: a /* */ comment
        hint: remove it, or rename the file to .yaml and write it as a # comment: YAML has comments"
    `);
  });

  it('should refuse trailing commas in JSON at each comma, though YAML flow lists allow them', () => {
    const json = '{\n  "name": "demo",\n  "devices": [\n    { "name": "ws-01", "os": "windows-10", },\n  ],\n}\n';
    expect(problems(json, {}, 'demo.json')).toMatchInlineSnapshot(`
      "✖ demo.json:4:42 devices[0]: trailing comma before }, which JSON does not allow
        expected: a value after every comma, or } right after the last value
        received: , }
        hint: remove the trailing comma
      ✖ demo.json:4:45 devices: trailing comma before ], which JSON does not allow
        expected: a value after every comma, or ] right after the last value
        received: , ]
        hint: remove the trailing comma
      ✖ demo.json:5:4 (root): trailing comma before }, which JSON does not allow
        expected: a value after every comma, or } right after the last value
        received: , }
        hint: remove the trailing comma"
    `);
  });

  it('should refuse a hex number in a JSON file with the decimal to write', () => {
    const json = '{\n  "name": "demo",\n  "devices": [{ "name": "ws-01", "os": "server-2019", "passiveRemediation": 0x1 }]\n}\n';
    expect(problems(json, {}, 'demo.json')).toMatchInlineSnapshot(`
      "✖ demo.json:3:77 devices[0].passiveRemediation: 0x1 is a hex number, which JSON does not have
        expected: a decimal number
        received: 0x1
        hint: JSON has no hex numbers: write 1"
    `);
  });

  it('should refuse YAML syntax in a JSON file', () => {
    expect(problems("name: demo\ndevices: ['ws-01']\n", {}, 'demo.json')).toMatchInlineSnapshot(`
      "✖ demo.json:1:1 (root): YAML block syntax (indentation instead of { } and [ ]) is YAML, not JSON
        expected: JSON: objects in { }, lists in [ ], strings in double quotes
        received: YAML block syntax (indentation instead of { } and [ ])
        hint: write plain JSON, or rename the file to .yaml to use YAML syntax
      ✖ demo.json:1:7 name: "demo" is not a JSON value
        expected: a double-quoted string, a number, true, false, null, an object or a list
        received: demo
        hint: JSON needs double quotes around keys and strings; or rename the file to .yaml
      ✖ demo.json:2:11 devices[0]: a single-quoted string is YAML, not JSON
        expected: JSON: objects in { }, lists in [ ], strings in double quotes
        received: a single-quoted string
        hint: write plain JSON, or rename the file to .yaml to use YAML syntax"
    `);
  });

  it('should refuse YAML tags that construct code, and any unknown tag', () => {
    const text = yaml(
      MINIMAL,
      'description: !!js/function "function () { return 1 }"',
      'tags: [!!python/object:os.system x, !custom y]',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:6:14 description: YAML tag !!js/function is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !!js/function
        hint: a scenario is data, never code: remove the tag
      ✖ demo.yaml:7:8 tags[0]: YAML tag !!python/object:os.system is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !!python/object:os.system
        hint: a scenario is data, never code: remove the tag
      ✖ demo.yaml:7:37 tags[1]: YAML tag !custom is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !custom
        hint: a scenario is data, never code: remove the tag"
    `);
  });

  it('should refuse duplicate keys and tab indentation with a YAML syntax issue', () => {
    expect(problems('name: demo\nname: again\n')).toMatchInlineSnapshot(`
      "✖ demo.yaml:2:1 name: key "name" appears twice in one map
        hint: write each key once per map"
    `);
    expect(problems('name: demo\ndevices:\n\t- { name: ws-01, os: windows-11 }\n')).toMatchInlineSnapshot(`
      "✖ demo.yaml:3:1 (root): YAML syntax error: Tabs are not allowed as indentation
        received: "\\t"
        hint: YAML indents with spaces, never tabs"
    `);
  });
});

describe('loadScenario reports generator and structure problems', () => {
  it('should report class shares that do not add up to 1, with the missing share', () => {
    expect(
      problems(
        yaml(
          MINIMAL,
          'timeline:',
          '  - { at: 0m, generate: { count: 10, mix: { malicious: 0.05, pua: 0.02 }, detection: { edr: 1.5 } } }',
        ),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:7:43 timeline[0].generate.mix: mix shares add up to 0.07, not 1
        expected: malicious + pua + benign = 1
        received: {"malicious":0.05,"pua":0.02}
        hint: add benign: 0.93
      ✖ demo.yaml:7:93 timeline[0].generate.detection.edr: edr must be at most 1
        expected: at most 1
        received: 1.5"
    `);
  });

  it('should refuse nesting deeper than any scenario needs', () => {
    expect(problems(`name: demo\ntags: ${'['.repeat(80)}${']'.repeat(80)}\n`)).toMatchInlineSnapshot(`
      "✖ demo.yaml:2:71 tags[0]: document nests deeper than 64 levels
        expected: at most 64 levels of lists and maps
        received: more than 64 levels"
    `);
  });

  it('should report a section of the wrong type', () => {
    expect(problems(yaml('name: 7', 'devices: { name: ws-01 }', 'timeline: yesterday', 'seed: -1'))).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:7 name: name must be a string
        expected: a string
        received: 7
      ✖ demo.yaml:2:10 devices: devices must be a list
        expected: a list: one "- item" per line
        received: a map
      ✖ demo.yaml:3:11 timeline: timeline must be a list
        expected: a list: one "- item" per line
        received: "yesterday"
      ✖ demo.yaml:4:7 seed: seed must be at least 0
        expected: at least 0
        received: -1"
    `);
  });
});

describe('loadScenario reports timeline items that cannot mean anything', () => {
  it('should report a missing at, a change that changes nothing, and an import mixed with inline lists', () => {
    const text = yaml(
      MINIMAL,
      'exclusions: { from: mppref.json, paths: [] }',
      'timeline:',
      "  - artifact: { id: a1, device: ws-01, path: 'C:\\x.exe' }",
      '  - { at: 1m, change: { by: { user: dana, role: security-administrator } } }',
      '  - { at: 2m, generate: { count: 5, devices: 5 } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:6:15 exclusions.from: unknown key "from"
        expected: one of paths, extensions, processes
        hint: from imports the whole section from a file: write { from: file } alone
      ✖ demo.yaml:8:5 timeline[0].at: missing required key "at"
        expected: a duration such as 90s, 30m, 2h, 1d or HH:MM:SS
      ✖ demo.yaml:9:23 timeline[1].change: change changes nothing
        expected: at least one of tenant, devices, exclusions, indicators
      ✖ demo.yaml:10:46 timeline[2].generate.devices: devices must be "all" or a list
        expected: "all" or a list
        received: 5"
    `);
  });
});
