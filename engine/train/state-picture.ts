/** A device's protection state as a small statechart picture: MDAV mode, AMRunningMode and the block-mode switch. */
import { forXml } from '../core/escape.ts';
import { MDAV_MODES, RUNNING_MODES } from '../core/vocabulary.ts';
import type { BlockModeSwitchState, DeviceState } from '../model/index.ts';

/** The block-mode switch's states, as `block-mode-switch.machine.ts` names them (a test holds them equal). */
export const SWITCH_STATES: readonly BlockModeSwitchState[] = ['off', 'enabling', 'on', 'disabling'];

/** The facts the picture draws, as words: the current state of each chart and why. */
export interface StateFacts {
  readonly mode: string;
  readonly modeWhy: string;
  readonly runningMode: string;
  readonly blockSwitch: BlockModeSwitchState;
  readonly effective: boolean;
  /** Why block mode is or is not effective: pending propagation (§3.5) or the first unmet requirement (§3.2). */
  readonly effectiveWhy: string;
}

/**
 * The facts of a device state: the switch's state is derived from `switchedOn` and `pending` (a pending
 * disable is `disabling`, still remediating, §3.5).
 *
 * @example
 * stateFacts(state).blockSwitch; // 'disabling' while a turn-off propagates
 */
export function stateFacts(state: DeviceState): StateFacts {
  const block = state.edrBlockMode;
  const blockSwitch: BlockModeSwitchState =
    block.pending === 'disable-pending'
      ? 'disabling'
      : block.pending === 'enable-pending'
        ? 'enabling'
        : block.switchedOn
          ? 'on'
          : 'off';
  const pending = block.reasons.find((r) => r.code === 'disable-pending' || r.code === 'enable-pending');
  const unmet = block.requirements.find((requirement) => !requirement.met);
  const effectiveWhy =
    pending?.message ??
    (block.effective
      ? // reasons[1] is the path that switches it on (the portal switch, the CSP bit or the GPO).
        (block.reasons[1]?.message ?? 'every requirement is met and a path switches it on')
      : block.switchedOn
        ? (unmet?.reason.message ?? 'a requirement is unmet')
        : (block.reasons[1]?.message ?? 'no path switches it on'));
  return {
    mode: state.mode,
    modeWhy: state.modeReasons[0]?.message ?? '',
    runningMode: state.runningMode,
    blockSwitch,
    effective: block.effective,
    effectiveWhy,
  };
}

const ROW_H = 60;
const STATE_W = 120;
const GAP = 18;

// One chart: its title, then its states as pills left to right, the current one highlighted. With `cycle`, arrows
// join each state to the next and the last back to the first (the switch: off → enabling → on → disabling → off).
function row(y: number, title: string, states: readonly string[], current: string, cycle = false): string[] {
  const out = [`<text x="10" y="${y + 14}" font-weight="bold">${forXml(title)}</text>`];
  states.forEach((name, index) => {
    const x = 10 + index * (STATE_W + GAP);
    const on = name === current;
    out.push(
      `<g class="state${on ? ' state-current' : ''}"><rect x="${x}" y="${y + 22}" width="${STATE_W}" height="26" rx="13" fill="none" stroke="currentColor"${on ? ' stroke-width="3"' : ' stroke-opacity="0.5"'}/>`,
      `<text x="${x + STATE_W / 2}" y="${y + 40}" text-anchor="middle" font-size="12"${on ? ' font-weight="bold"' : ''}>${forXml(name)}</text></g>`,
    );
    if (cycle && index > 0) out.push(arrow(x - GAP + 2, x - 2, y + 35));
  });
  if (cycle) {
    // The way back: from the last state's bottom, under the row, up into the first.
    const first = 10 + STATE_W / 2;
    const last = 10 + (states.length - 1) * (STATE_W + GAP) + STATE_W / 2;
    out.push(
      `<path class="transition" d="M${last} ${y + 48} V${y + 58} H${first} V${y + 52}" fill="none" stroke="currentColor" stroke-opacity="0.6"/>`,
      `<path class="transition" d="M${first - 4} ${y + 55} L${first} ${y + 49} L${first + 4} ${y + 55} Z" fill="currentColor" fill-opacity="0.6"/>`,
    );
  }
  return out;
}

function arrow(from: number, to: number, y: number): string {
  return (
    `<path class="transition" d="M${from} ${y} H${to}" stroke="currentColor" stroke-opacity="0.6"/>` +
    `<path class="transition" d="M${to - 6} ${y - 4} L${to} ${y} L${to - 6} ${y + 4} Z" fill="currentColor" fill-opacity="0.6"/>`
  );
}

/**
 * The state picture of a device: three rows of states with the current one highlighted (class
 * `state-current`): Defender Antivirus mode (the states of `mdav-mode.machine.ts`), `AMRunningMode`, and the
 * block-mode switch (`block-mode-switch.machine.ts`) with whether block mode is effective and why. An SVG with
 * `role="img"` and an `aria-label`, then the same facts as a list for screen readers (class `visually-hidden`).
 *
 * @example
 * renderStatePicture(state).includes('class="state state-current"'); // true
 */
export function renderStatePicture(state: DeviceState): string {
  const facts = stateFacts(state);
  const device = state.config.name;
  const effective = facts.effective ? 'effective' : 'not effective';
  const label = `Device ${device}: Defender Antivirus ${facts.mode}, AMRunningMode ${facts.runningMode}, EDR in block mode switch ${facts.blockSwitch}, ${effective}`;
  const width = 20 + 4 * STATE_W + 3 * GAP;
  const height = 3 * ROW_H + 36;
  const shapes = [
    ...row(0, 'Defender Antivirus mode', MDAV_MODES, facts.mode),
    ...row(ROW_H, 'AMRunningMode', RUNNING_MODES, facts.runningMode),
    ...row(2 * ROW_H, 'EDR in block mode switch', SWITCH_STATES, facts.blockSwitch, true),
    `<text class="state-effective${facts.effective ? ' state-effective-on' : ''}" x="10" y="${3 * ROW_H + 26}" font-size="12">${forXml(`block mode ${effective}`)}</text>`,
  ];
  const list = [
    `Defender Antivirus mode: ${facts.mode}${facts.modeWhy === '' ? '' : ` (${facts.modeWhy})`}`,
    `AMRunningMode: ${facts.runningMode}`,
    `EDR in block mode switch: ${facts.blockSwitch}`,
    `EDR in block mode ${effective}: ${facts.effectiveWhy}`,
  ];
  return [
    '<figure class="state-picture">',
    `<svg role="img" aria-label="${forXml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${forXml(label)}</title>`,
    ...shapes,
    '</svg>',
    `<ul class="visually-hidden">${list.map((fact) => `<li>${forXml(fact)}</li>`).join('')}</ul>`,
    `<figcaption>${forXml(`${device}: block mode ${effective} — ${facts.effectiveWhy}`)}</figcaption>`,
    '</figure>',
  ].join('\n');
}
