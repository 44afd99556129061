/** One EDR in block mode prerequisite (§3.2) and the helper that builds it with its reason. */
import type { Reason } from '../core/vocabulary.ts';

export type RequirementId =
  'plan-2' | 'onboarded' | 'mdav-active-or-passive' | 'cloud-protection' | 'platform-version' | 'engine-version' | 'supported-os';

/** One prerequisite of §3.2; `reason` explains the verdict either way. */
export interface Requirement {
  readonly id: RequirementId;
  readonly label: string;
  readonly met: boolean;
  readonly reason: Reason;
}

/**
 * Builds a requirement whose reason sits on the `edr-block-mode` layer; `cite` defaults to `§3.2`.
 *
 * @example
 * requirement('onboarded', 'onboarded', false, 'not-onboarded', 'the device is not onboarded').met; // false
 */
export function requirement(
  id: RequirementId,
  label: string,
  met: boolean,
  code: string,
  message: string,
  cite = '§3.2',
): Requirement {
  return { id, label, met, reason: { layer: 'edr-block-mode', code, message, cite } };
}
