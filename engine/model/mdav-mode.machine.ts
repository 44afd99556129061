/** Statechart of a device's MDAV mode: re-resolves on every configuration change, remembering the previous mode (§1.4 tamper protection). */
import { assign, setup } from 'xstate';
import type { ConflictSettings, DeviceConfig } from '../core/config.ts';
import type { MdavMode, Reason } from '../core/vocabulary.ts';
import { resolveMode } from './resolve-mode.ts';

export interface MdavModeContext {
  /** Reasons of the last resolution; `[0]` decided the mode. */
  readonly reasons: readonly Reason[];
}

/** The device's configuration after a change (or at creation), with the conflict settings in force. */
export interface ConfigChangedEvent {
  readonly type: 'config.changed';
  readonly device: DeviceConfig;
  readonly settings: ConflictSettings;
}

interface Edge {
  readonly from: MdavMode | undefined;
  readonly to: MdavMode;
}

/** One guarded transition per possible target, so every mode change is its own statechart edge. */
function resolveTo(from: MdavMode | undefined) {
  return (['active', 'passive', 'disabled', 'not-installed'] as const).map((to) => ({
    guard: { type: 'resolvesTo' as const, params: { from, to } },
    target: to,
    actions: { type: 'recordReasons' as const, params: { from, to } },
  }));
}

/**
 * The MDAV mode machine: states `unresolved`, `active`, `passive`, `disabled`, `not-installed`; each
 * `config.changed` event re-runs `resolveMode` with the current state as the previous mode. Drive it
 * with xstate's pure `transition()`; jump to a known mode with `mdavModeMachine.resolveState`.
 *
 * @example
 * const [snapshot] = transition(mdavModeMachine, initialTransition(mdavModeMachine)[0],
 *   { type: 'config.changed', device, settings: DEFAULT_CONFLICT_SETTINGS });
 * snapshot.value; // e.g. 'passive'
 */
export const mdavModeMachine = setup({
  types: {
    context: {} as MdavModeContext,
    events: {} as ConfigChangedEvent,
  },
  guards: {
    resolvesTo: ({ event }, params: Edge) => resolveMode(event.device, params.from, event.settings).mode === params.to,
  },
  actions: {
    recordReasons: assign(({ event }, params: Edge) => ({
      reasons: resolveMode(event.device, params.from, event.settings).reasons,
    })),
  },
}).createMachine({
  id: 'mdavMode',
  initial: 'unresolved',
  context: { reasons: [] },
  states: {
    unresolved: { on: { 'config.changed': resolveTo(undefined) } },
    active: { on: { 'config.changed': resolveTo('active') } },
    passive: { on: { 'config.changed': resolveTo('passive') } },
    disabled: { on: { 'config.changed': resolveTo('disabled') } },
    'not-installed': { on: { 'config.changed': resolveTo('not-installed') } },
  },
});
