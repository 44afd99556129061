/** Role-based access for configuration changes (§3.2: Global Administrator or Security Administrator, T31). */
import type { Actor } from '../core/config.ts';
import type { Reason } from '../core/vocabulary.ts';

/** Roles allowed to change Defender settings, spelled as the contract spells them. */
export const ALLOWED_ROLES: readonly string[] = ['global-administrator', 'security-administrator'];

/**
 * Returns why `by` may not make a change, or undefined when it may. A change with no actor is applied
 * (the scenario author makes it).
 *
 * @example
 * authorizeChange({ user: 'sam', role: 'security-reader' })?.code; // 'role-not-allowed'
 */
export function authorizeChange(by: Actor | undefined): Reason | undefined {
  if (by === undefined || ALLOWED_ROLES.includes(by.role)) return undefined;
  return {
    layer: 'rbac',
    code: 'role-not-allowed',
    message: `${by.user} (role ${JSON.stringify(by.role)}) may not change settings: only global-administrator or security-administrator may`,
    cite: '§3.2',
  };
}
