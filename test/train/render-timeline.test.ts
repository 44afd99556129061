/** The timeline a trainee reads: artifacts with their ground truth, changes flattened, generators summed up. */
import { describe, expect, it } from 'vitest';
import { renderTimeline } from '../../engine/train/render-timeline.ts';
import { CONTRACT_TEXT, loaded, MINIMAL, yaml } from '../scenario/scenario-text.ts';

describe('renderTimeline', () => {
  it('should say when nothing happens', () => {
    expect(renderTimeline(loaded(MINIMAL))).toBe('Timeline\n  (nothing happens)');
  });

  it('should describe the contract example: artifact, change by whom, generator on every device', () => {
    const lines = renderTimeline(loaded(CONTRACT_TEXT)).split('\n');
    expect(lines[0]).toBe('Timeline');
    expect(lines[1]).toMatch(/^ {2}0m +artifact a1 on ws-01: malicious file C:\\Users\\alice\\Downloads\\invoice\.exe$/);
    expect(lines).toContainEqual(expect.stringMatching(/trigger on-access, opened by C:\\Windows\\explorer\.exe$/));
    expect(lines).toContainEqual(expect.stringMatching(/threat Behavior:Win32\/Execution\.A!ml, technique T1204\.002$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/ground truth: primary AV would miss, Defender Antivirus would flag, EDR sensor would flag/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}10m +change requested by dana \(security-administrator\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/tenant: edrBlockMode=false$/));
    expect(lines).toContainEqual(expect.stringMatching(/device ws-01: primaryAv=defender, mdav\.cloudProtection=false$/));
    expect(lines).toContainEqual(expect.stringMatching(/exclusions replaced: paths=\[C:\\Build\\\]/));
    expect(lines).toContainEqual(expect.stringMatching(/indicators replaced: 0 entries$/));
    expect(lines).toContainEqual(expect.stringMatching(/generator \S+: 1000 random artifacts on all 1001 devices over 1h$/));
    expect(lines).toContainEqual(expect.stringMatching(/mix: malicious 5 ?%, pua 2 ?%, benign 93 ?%$/));
  });

  it('should list hashes and the scan type, an anonymous change, and name up to five generator devices', () => {
    const text = renderTimeline(
      loaded(
        yaml(
          'name: timeline',
          'devices:',
          ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => `  - { name: ${n}, os: windows-11 }`),
          'timeline:',
          '  - at: 1m',
          '    artifact:',
          '      { id: x1, device: a, class: pua, kind: file, path: C:\\x.exe, trigger: scheduled-scan, scanType: quick,',
          "        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', signals: { primaryAv: miss, mdav: detect, edr: miss } }",
          '  - at: 2m',
          '    change: { indicators: [{ type: FileSha256, value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", action: Block }] }',
          '  - at: 3m',
          '    generate: { count: 10, devices: [a, b], window: 10m }',
          '  - at: 4m',
          '    generate: { count: 10, devices: [a, b, c, d, e, f], window: 10m }',
        ),
      ),
    );
    expect(text).toMatch(/trigger scheduled-scan \(quick scan\)$/m);
    expect(text).toMatch(/^ +sha256 e3b0c4\S+$/m);
    expect(text).not.toContain('threat ');
    expect(text).toMatch(/^ {2}2m +change$/m);
    expect(text).toMatch(/indicators replaced: 1 entry$/m);
    expect(text).toMatch(/10 random artifacts on a, b over 10m$/m);
    expect(text).toMatch(/10 random artifacts on a, b, c, d, e and 1 more over 10m$/m);
  });

  it('should name the one device of a one-device fleet rather than say "all 1 devices"', () => {
    const text = renderTimeline(
      loaded(`${MINIMAL}timeline:\n  - at: 0m\n    generate: { count: 3, devices: all, window: 1m }\n`),
    );
    expect(text).toMatch(/3 random artifacts on ws-01 over 1m$/m);
  });
});
