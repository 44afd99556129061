/** Statechart of an EDR in block mode switch propagating in virtual time: off / enabling / on / disabling (§3.5, contract §3). */
import { assign, setup } from 'xstate';

export type BlockModeSwitchState = 'off' | 'enabling' | 'on' | 'disabling';

export interface BlockModeSwitchContext {
  /** When the pending enable or disable takes effect (ms of sim time); undefined when settled. */
  readonly dueAt: number | undefined;
}

/** The switch was requested on (`turn-on`) or off (`turn-off`) at `at`; `delay` is its propagation delay. */
export interface SwitchRequestEvent {
  readonly type: 'turn-on' | 'turn-off';
  readonly at: number;
  readonly delay: number;
}

/** The clock reached `at`: a pending change whose `dueAt` ≤ `at` takes effect. Explicit so @xstate/graph can traverse it. */
export interface SwitchDueEvent {
  readonly type: 'due';
  readonly at: number;
}

export type BlockModeSwitchEvent = SwitchRequestEvent | SwitchDueEvent;

const settle = assign<BlockModeSwitchContext, BlockModeSwitchEvent, undefined, BlockModeSwitchEvent, never>({
  dueAt: undefined,
});

/**
 * The switch machine. From `off`, `turn-on` goes to `on` when its delay is 0, else to `enabling` until
 * `due`; from `on`, `turn-off` goes to `off` when its delay is 0, else to `disabling` until `due` — and
 * while disabling the device still remediates (contract §3: effective with `disable-pending`). A request
 * for the opposite direction cancels a pending change; a repeated request keeps the original due time.
 *
 * @example
 * const [s] = transition(blockModeSwitchMachine, blockModeSwitchMachine.resolveState({ value: 'on', context: { dueAt: undefined } }),
 *   { type: 'turn-off', at: 0, delay: 1_800_000 });
 * s.value; // 'disabling', s.context.dueAt === 1_800_000
 */
export const blockModeSwitchMachine = setup({
  types: {
    context: {} as BlockModeSwitchContext,
    events: {} as BlockModeSwitchEvent,
  },
  guards: {
    immediate: ({ event }) => event.type !== 'due' && event.delay <= 0,
    isDue: ({ context, event }) => context.dueAt !== undefined && event.at >= context.dueAt,
  },
  actions: {
    schedule: assign({ dueAt: ({ event }) => (event.type === 'due' ? undefined : event.at + event.delay) }),
    settle,
  },
}).createMachine({
  id: 'blockModeSwitch',
  initial: 'off',
  context: { dueAt: undefined },
  states: {
    off: {
      on: {
        'turn-on': [
          { guard: 'immediate', target: 'on' },
          { target: 'enabling', actions: 'schedule' },
        ],
      },
    },
    enabling: {
      on: {
        'turn-off': { target: 'off', actions: 'settle' },
        due: { guard: 'isDue', target: 'on', actions: 'settle' },
      },
    },
    on: {
      on: {
        'turn-off': [
          { guard: 'immediate', target: 'off' },
          { target: 'disabling', actions: 'schedule' },
        ],
      },
    },
    disabling: {
      on: {
        'turn-on': { target: 'on', actions: 'settle' },
        due: { guard: 'isDue', target: 'off', actions: 'settle' },
      },
    },
  },
});
