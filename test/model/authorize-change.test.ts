import { describe, expect, it } from 'vitest';
import { authorizeChange } from '../../engine/model/authorize-change.ts';

describe('authorizeChange — §3.2 roles (T31)', () => {
  it.each(['global-administrator', 'security-administrator'])('should allow %s', (role) => {
    expect(authorizeChange({ user: 'dana', role })).toBeUndefined();
  });

  it('should allow a change with no actor', () => {
    expect(authorizeChange(undefined)).toBeUndefined();
  });

  it.each(['security-reader', 'Security-Administrator', ''])('T31: should refuse role %j, naming user and role', (role) => {
    const reason = authorizeChange({ user: 'sam', role });
    expect(reason).toMatchObject({ layer: 'rbac', code: 'role-not-allowed', cite: '§3.2' });
    expect(reason?.message).toContain('sam');
    expect(reason?.message).toContain(JSON.stringify(role));
  });
});
