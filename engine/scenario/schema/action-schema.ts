/** Schema of a timeline `action`: an analyst's Action Center decision or response action, or a device's connectivity (§6.1–6.6). */
import { z } from 'zod';
import { ACTION_TYPES, ALERT_STATUSES, TIMELINE_ACTIONS, type TimelineAction } from '../../core/vocabulary.ts';
import { addCoreIssues, durationSchema, hexSchema, nameSchema, type CheckContext } from './common-schema.ts';
import { actorSchema } from './change-schema.ts';

/** What each kind needs and takes besides `action` and `at`: `one` = exactly one of these; `by` whether an analyst is named. */
const RULES: Record<
  TimelineAction,
  { readonly one: readonly string[]; readonly takes: readonly string[]; readonly by: boolean }
> = {
  approve: { one: ['artifact', 'device'], takes: ['actionType'], by: true },
  reject: { one: ['artifact', 'device'], takes: ['actionType'], by: true },
  undo: { one: ['artifact', 'device'], takes: ['actionType', 'moreInstances'], by: true },
  isolate: { one: ['device'], takes: [], by: true },
  'collect-package': { one: ['device'], takes: [], by: true },
  'stop-and-quarantine': { one: ['sha256', 'artifact'], takes: ['devices'], by: true },
  'alert-status': { one: ['artifact'], takes: ['status'], by: true },
  offline: { one: ['device'], takes: [], by: false },
  online: { one: ['device'], takes: [], by: false },
};
const OPTIONAL_KEYS = ['artifact', 'device', 'devices', 'sha256', 'actionType', 'moreInstances', 'status'] as const;
const REQUIRED: Partial<Record<TimelineAction, string>> = { 'stop-and-quarantine': 'devices', 'alert-status': 'status' };

/** Per-kind rules: the target keys, the keys a kind does not take, and `by` for an analyst's action. */
function checkAction(value: Record<string, unknown> & { action: TimelineAction }, ctx: CheckContext): void {
  const rule = RULES[value.action];
  const given = rule.one.filter((key) => value[key] !== undefined);
  const issue = (code: string, message: string, hint?: string) => addCoreIssues(ctx, [{ code, message, hint }]);
  if (given.length !== 1)
    issue(
      'action_target',
      `action ${value.action} needs exactly one of ${rule.one.join(', ')}${given.length > 1 ? `, not ${given.join(' and ')}` : ''}`,
      `e.g. ${rule.one[0]}: …`,
    );
  for (const key of OPTIONAL_KEYS)
    if (value[key] !== undefined && !rule.one.includes(key) && !rule.takes.includes(key))
      issue('action_key', `action ${value.action} does not take ${key}`, `remove ${key}, or use an action that takes it`);
  const needed = REQUIRED[value.action];
  if (needed !== undefined && value[needed] === undefined)
    issue(
      'action_key',
      `action ${value.action} needs ${needed}`,
      needed === 'devices' ? 'devices: all, or a list of names' : 'status: InProgress',
    );
  if (rule.by && value.by === undefined)
    issue(
      'action_by',
      `action ${value.action} needs by: { user, role }`,
      'an analyst decides: by: { user: alice, role: security-administrator }',
    );
  if (!rule.by && value.by !== undefined)
    issue('action_key', `action ${value.action} is not an analyst's: it takes no by`, 'remove by');
}

/** `{ at, action, … }`: one timeline action. */
export const actionEventSchema = z
  .strictObject({
    at: durationSchema,
    action: z.enum(TIMELINE_ACTIONS),
    artifact: nameSchema.optional().meta({
      description: 'approve/reject/undo: the entries acting on it; stop-and-quarantine: its sha256; alert-status: its alerts',
    }),
    device: nameSchema.optional().meta({ description: 'the device acted on, or whose entries are decided' }),
    devices: z
      .union([z.literal('all'), z.array(nameSchema).min(1)])
      .optional()
      .meta({ description: 'stop-and-quarantine: the devices, `all` or names (at most 1,000 are accepted, T84)' }),
    sha256: hexSchema('sha256', [64]).optional().meta({ description: 'stop-and-quarantine: the file' }),
    actionType: z.enum(ACTION_TYPES).optional().meta({ description: 'approve/reject/undo: only entries of this type' }),
    moreInstances: z
      .boolean()
      .optional()
      .meta({ default: false, description: 'undo: "Apply to X more instances of this file" (T80)' }),
    status: z.enum(ALERT_STATUSES).optional().meta({ description: 'alert-status: the status the analyst sets' }),
    by: actorSchema.optional().meta({ description: 'the analyst; needed by every action but offline/online' }),
  })
  .superRefine(checkAction);

export type ActionInput = z.output<typeof actionEventSchema>;
