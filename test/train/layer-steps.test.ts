/** The layer picture's facts: which layer looked, which stopped it, the exclusion that matched, the indicator not consulted. */
import { describe, expect, it } from 'vitest';
import { layerSteps, PICTURE_LAYERS } from '../../engine/train/layer-steps.ts';
import { yaml } from '../scenario/scenario-text.ts';
import { libraryClassroom, textClassroom } from './classroom-fixture.ts';

const verdictOf = (file: string, artifact: string) => {
  const verdict = libraryClassroom(file).context.decided?.get(artifact);
  if (verdict === undefined) throw new Error(`no verdict for ${artifact} in ${file}`);
  return verdict;
};

const EXCLUSIONS = '07-exclusions/01-block-mode-honours-folder-exclusion.yaml';

describe('layerSteps', () => {
  it('should draw the four layers in the order a device applies them', () => {
    expect(PICTURE_LAYERS.map((layer) => layer.label)).toEqual([
      'Primary AV',
      'Defender Antivirus',
      'EDR sensor',
      'EDR in block mode',
    ]);
  });

  it('should show the exclusion, as written, on block mode when block mode honours it (§3.8, T33)', () => {
    const steps = layerSteps(verdictOf(EXCLUSIONS, 'temp-dropper'));
    expect(steps.map((step) => step.state)).toEqual(['looked', 'off', 'flagged', 'let-through']);
    expect(steps[3]?.marks).toEqual(['exclusion honoured: C:\\Users\\*\\AppData\\Local\\Temp']);
    expect(steps[2]?.marks).toEqual(['alerts despite the MDAV exclusion (§4.5)']);
  });

  it('should stop the path at block mode and mark indicators not consulted when block mode remediates (T32)', () => {
    const steps = layerSteps(verdictOf(EXCLUSIONS, 'roaming-dropper'));
    expect(steps.map((step) => step.state)).toEqual(['looked', 'off', 'flagged', 'stopped']);
    expect(steps[3]?.marks).toEqual(['indicators: not consulted']);
  });

  it('should name the Allow indicator that block mode did not consult on a passive device (§3.8, T34)', () => {
    const steps = layerSteps(
      verdictOf('08-indicators/01-allow-indicator-does-not-stop-block-mode.yaml', 'allowed-but-injecting'),
    );
    expect(steps[1]?.marks).toEqual(['indicators: not supported in passive mode']);
    expect(steps[3]?.marks).toEqual([
      expect.stringMatching(/^indicator ioc-1 \(Allowed FileSha256 [0-9a-f]{12}…\): not consulted$/),
    ]);
  });

  it('should stop at Defender Antivirus for a Block indicator, and at the primary AV before anything else (§1.1)', () => {
    const indicator = layerSteps(verdictOf('08-indicators/02-block-indicator-ignored-in-passive.yaml', 'invoice-active'));
    expect(indicator.map((step) => step.state)).toEqual(['off', 'stopped', 'not-reached', 'not-reached']);
    expect(indicator[1]?.marks[0]).toMatch(/^Block indicator ioc-1 \(BlockAndRemediate FileSha256 /);
    const primary = layerSteps(verdictOf('09-recording/03-primary-av-stops-first.yaml', 'lumma-attachment'));
    expect(primary.map((step) => step.state)).toEqual(['stopped', 'not-reached', 'not-reached', 'not-reached']);
  });

  it('should say why a layer was off: no sensor on Plan 1, block mode not effective and its unmet requirement', () => {
    const plan1 = layerSteps(verdictOf('02-requirements/01-plan-1-licence.yaml', 'cred-dump'));
    expect(plan1[2]).toMatchObject({ state: 'off', note: 'no EDR sensor' });
    expect(plan1[3]).toMatchObject({ state: 'not-reached', note: 'no EDR detection to act on' });
    const cloud = layerSteps(verdictOf('02-requirements/03-cloud-protection-off.yaml', 'shadow-delete'));
    expect(cloud[3]).toMatchObject({ state: 'off', note: 'not effective', marks: ['cloud-delivered protection (MAPS) is off'] });
  });

  it('should show the exclusion on Defender Antivirus when active mode skips the file (§4.5)', () => {
    const steps = layerSteps(verdictOf('07-exclusions/02-wildcards-and-env-vars.yaml', 'contoso-v1'));
    expect(steps[1]).toMatchObject({
      state: 'let-through',
      marks: ['exclusion matched: %ProgramFiles%\\Contoso*\\v?\\bin\\contoso.exe'],
    });
  });

  it("should name the exclusion by its reason when given a report's plain verdict", () => {
    const plain = libraryClassroom(EXCLUSIONS).context.report.namedVerdicts.get('temp-dropper');
    if (plain === undefined) throw new Error('no verdict');
    expect(layerSteps(plain)[3]?.marks[0]).toMatch(/^exclusion honoured: EDR in block mode honours MDAV exclusions/);
  });

  it('should mark a turn-off still propagating on block mode, and a passive scan that reported but did not stop (§3.5, §2.1)', () => {
    const pending = layerSteps(verdictOf('05-timing/01-disable-takes-30-minutes.yaml', 'dump-25m'));
    expect(pending[3]).toMatchObject({ state: 'stopped' });
    expect(pending[3]?.marks[0]).toMatch(
      /^EDR in block mode was turned off; it keeps remediating until the change reaches the device at 40m/,
    );
    const scan = layerSteps(verdictOf('07-exclusions/04-process-exclusion-not-in-scans.yaml', 'scheduled-scan'));
    expect(scan.map((step) => step.state)).toEqual(['looked', 'flagged', 'flagged', 'stopped']);
  });

  it('should say block mode adds nothing on an active device when the active-mode setting is "none" (§3.9)', () => {
    const { context } = textClassroom(
      yaml(
        'name: active, block mode set to none',
        'settings: { activeModeBlockMode: none }',
        'tenant: { edrBlockMode: true }',
        'devices: [{ name: ws-01, os: windows-11 }]',
        'timeline:',
        '  - at: 5m',
        '    artifact: { id: a1, device: ws-01, class: malicious, kind: behavior, path: "C:\\\\x.exe", trigger: behavior, signals: { mdav: miss, edr: detect } }',
        'expect: [{ artifact: a1, outcome: detected }]',
      ),
    );
    const steps = layerSteps(context.decided?.get('a1') as never);
    expect(steps[3]).toMatchObject({ state: 'off', note: 'active-mode setting "none"' });
  });
});
