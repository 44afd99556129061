// Whether the CLI colours: --color/--no-color > FORCE_COLOR > NO_COLOR > TTY, the supports-color/chalk convention (issue 14).
import { describe, expect, it } from 'vitest';
import { colourFor, colourFromEnv } from '../../engine/cli/colour.ts';

describe('colourFromEnv', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '2' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: 'true' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0', NO_COLOR: '' }, true, false],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, false, true],
  ])('should read %j on a %s TTY as colour %s', (env, isTTY, expected) => {
    expect(colourFromEnv(env, isTTY)).toBe(expected);
  });

  it('should ignore a FORCE_COLOR it does not understand, as supports-color does, and fall back to NO_COLOR and the TTY', () => {
    expect(colourFromEnv({ FORCE_COLOR: 'yes please' }, true)).toBe(true);
    expect(colourFromEnv({ FORCE_COLOR: '\u001b[2J', NO_COLOR: '1' }, true)).toBe(false);
  });
});

describe('colourFor', () => {
  it('should let --color and --no-color win over what the environment and the TTY said', () => {
    expect(colourFor(true, false)).toBe(true);
    expect(colourFor(false, true)).toBe(false);
    expect(colourFor(undefined, true)).toBe(true);
    expect(colourFor(undefined, false)).toBe(false);
  });
});
