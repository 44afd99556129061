/** The state picture: the model's MDAV modes, AMRunningMode and the block-mode switch, with the current ones marked. */
import { describe, expect, it } from 'vitest';
import { blockModeSwitchMachine, mdavModeMachine } from '../../engine/model/index.ts';
import { renderStatePicture, stateFacts, SWITCH_STATES } from '../../engine/train/state-picture.ts';
import { MDAV_MODES } from '../../engine/core/vocabulary.ts';
import { libraryClassroom, textClassroom } from './classroom-fixture.ts';
import { CLASSROOM_HOSTILE, DEVICE } from './classroom-hostile.ts';
import { unknownMarkup, visibleText } from './html-markup.ts';

const stateOf = (file: string, device: string, at: number) => {
  const state = libraryClassroom(file).context.deviceAt(device, at);
  if (state === undefined) throw new Error(`no device ${device}`);
  return state;
};

const TIMING = '05-timing/01-disable-takes-30-minutes.yaml';

describe('stateFacts', () => {
  it("should draw the states the model's machines have", () => {
    expect([...SWITCH_STATES].sort()).toEqual(Object.keys(blockModeSwitchMachine.config.states ?? {}).sort());
    expect([...MDAV_MODES, 'unresolved'].sort()).toEqual(Object.keys(mdavModeMachine.config.states ?? {}).sort());
  });

  it('should show a turn-off still propagating as disabling and effective, and why (§3.5, T29)', () => {
    const facts = stateFacts(stateOf(TIMING, 'ws-pay-09', 25 * 60_000));
    expect(facts).toMatchObject({ mode: 'passive', runningMode: 'EDR Block Mode', blockSwitch: 'disabling', effective: true });
    expect(facts.effectiveWhy).toMatch(/keeps remediating until the change reaches the device at 40m/);
  });

  it('should show the switch off once the turn-off has arrived (T30)', () => {
    const facts = stateFacts(stateOf(TIMING, 'ws-pay-09', 40 * 60_000));
    expect(facts).toMatchObject({ blockSwitch: 'off', effective: false, runningMode: 'Passive Mode' });
    expect(facts.effectiveWhy).toMatch(/^no path turns EDR in block mode on/);
  });

  it('should name the path that switches block mode on when it is effective (§3.3)', () => {
    const facts = stateFacts(stateOf('04-enable-paths/01-portal-switch.yaml', 'ws-ops-01', 10 * 60_000));
    expect(facts).toMatchObject({ blockSwitch: 'on', effective: true });
    expect(facts.effectiveWhy).toMatch(/portal switch/);
  });

  it('should name the unmet requirement when the switch is on but block mode is not effective (§3.2)', () => {
    const facts = stateFacts(stateOf('02-requirements/03-cloud-protection-off.yaml', 'ws-hr-112', 45 * 60_000));
    expect(facts).toMatchObject({ blockSwitch: 'on', effective: false });
    expect(facts.effectiveWhy).toBe('cloud-delivered protection (MAPS) is off');
  });
});

describe('renderStatePicture', () => {
  it('should highlight exactly one state per chart, and list the same facts for screen readers', () => {
    const html = renderStatePicture(stateOf(TIMING, 'ws-pay-09', 25 * 60_000));
    const current = [...html.matchAll(/<g class="state state-current">.*?<text[^>]*>([^<]*)<\/text><\/g>/gs)].map((m) => m[1]);
    expect(current).toEqual(['passive', 'EDR Block Mode', 'disabling']);
    expect(html).toMatch(
      /<svg role="img" aria-label="Device ws-pay-09: Defender Antivirus passive, AMRunningMode EDR Block Mode, EDR in block mode switch disabling, effective"/,
    );
    expect(html.match(/<ul class="visually-hidden">(.*)<\/ul>/)?.[1]?.match(/<li>/g)?.length).toBe(4);
    expect(unknownMarkup(html)).toEqual([]);
  });

  it("should escape the device's name", () => {
    const classroom = textClassroom(CLASSROOM_HOSTILE);
    const html = renderStatePicture(classroom.context.deviceAt(DEVICE, 10 * 60_000) as never);
    expect(unknownMarkup(html)).toEqual([]);
    expect(visibleText(html)).toContain(`Device ${DEVICE}`);
  });
});
