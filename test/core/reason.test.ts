import { describe, expect, it } from 'vitest';
import { reason, reasonFor } from '../../engine/core/reason.ts';

describe('reason', () => {
  it('should keep the key order layer, code, message, cite that the JSON report prints', () => {
    expect(Object.keys(reason('mdav', 'passive', 'MDAV is passive', '§1.1'))).toEqual(['layer', 'code', 'message', 'cite']);
  });

  it('should leave cite out, not undefined, when none is given', () => {
    expect(Object.keys(reason('change', 'applied', 'the change was applied'))).toEqual(['layer', 'code', 'message']);
  });
});

describe('reasonFor', () => {
  it('should cite the default unless the call names its own §', () => {
    const mdav = reasonFor('mdav', '§1.4');
    expect(mdav('a', 'x')).toEqual({ layer: 'mdav', code: 'a', message: 'x', cite: '§1.4' });
    expect(mdav('b', 'y', '§2.1').cite).toBe('§2.1');
  });
});
