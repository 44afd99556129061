import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  blockModeSwitchMachine,
  type BlockModeSwitchEvent,
  type BlockModeSwitchState,
} from '../../engine/model/block-mode-switch.machine.ts';

const at = (state: BlockModeSwitchState, dueAt?: number) =>
  blockModeSwitchMachine.resolveState({ value: state, context: { dueAt } });
const run = (state: BlockModeSwitchState, ...events: BlockModeSwitchEvent[]) => {
  let snapshot = at(state);
  for (const event of events) [snapshot] = transition(blockModeSwitchMachine, snapshot, event);
  return { state: snapshot.value, dueAt: snapshot.context.dueAt };
};

describe('blockModeSwitchMachine — propagation in virtual time (§3.5, contract §3)', () => {
  it('should start off', () => {
    expect(initialTransition(blockModeSwitchMachine)[0].value).toBe('off');
  });

  it('should switch on at once when the enable delay is 0 (default, §9)', () => {
    expect(run('off', { type: 'turn-on', at: 7, delay: 0 })).toEqual({ state: 'on', dueAt: undefined });
  });

  it('should disable at exactly t0 + d: disabling before, off at the due time', () => {
    expect(run('on', { type: 'turn-off', at: 100, delay: 1_800_000 })).toEqual({ state: 'disabling', dueAt: 1_800_100 });
    expect(run('on', { type: 'turn-off', at: 100, delay: 1_800_000 }, { type: 'due', at: 1_800_099 }).state).toBe('disabling');
    expect(run('on', { type: 'turn-off', at: 100, delay: 1_800_000 }, { type: 'due', at: 1_800_100 })).toEqual({
      state: 'off',
      dueAt: undefined,
    });
  });

  it('should keep the first due time when the same request repeats', () => {
    expect(run('on', { type: 'turn-off', at: 0, delay: 10 }, { type: 'turn-off', at: 5, delay: 10 }).dueAt).toBe(10);
  });

  it('should cancel a pending disable when turned back on, and a pending enable when turned off', () => {
    expect(run('on', { type: 'turn-off', at: 0, delay: 10 }, { type: 'turn-on', at: 5, delay: 10 })).toEqual({
      state: 'on',
      dueAt: undefined,
    });
    expect(run('off', { type: 'turn-on', at: 0, delay: 10 }, { type: 'turn-off', at: 5, delay: 10 })).toEqual({
      state: 'off',
      dueAt: undefined,
    });
  });

  it('should enable after the enable delay', () => {
    expect(run('off', { type: 'turn-on', at: 0, delay: 10 }, { type: 'due', at: 10 })).toEqual({ state: 'on', dueAt: undefined });
  });

  it('should ignore a due event in a settled state', () => {
    expect(run('on', { type: 'due', at: 99 })).toEqual({ state: 'on', dueAt: undefined });
  });
});
