import { describe, expect, it } from 'vitest';
import type { GenerateSpec } from '../../engine/core/generate-spec.ts';
import { formatIssues } from '../../engine/core/issue.ts';
import { validateGenerateSpec } from '../../engine/core/validate-generate-spec.ts';
import type { OsName } from '../../engine/core/vocabulary.ts';
import { SPEC } from '../pipeline/synth/spec-fixture.ts';

const codes = (spec: GenerateSpec): string[] => validateGenerateSpec(spec).map((issue) => issue.code);

describe('validateGenerateSpec', () => {
  it('should accept the contract example', () => {
    expect(validateGenerateSpec(SPEC)).toEqual([]);
  });

  it('should accept count 0 with no devices, and chances of exactly 0 and 1', () => {
    expect(validateGenerateSpec({ ...SPEC, count: 0, devices: [] })).toEqual([]);
    expect(validateGenerateSpec({ ...SPEC, detection: { primaryAv: 0, mdav: 1, edr: 0.5 } })).toEqual([]);
  });

  it('should reject a count that is negative or not an integer', () => {
    expect(codes({ ...SPEC, count: -1 })).toEqual(['bad_count']);
    expect(codes({ ...SPEC, count: 2.5 })).toEqual(['bad_count']);
    expect(codes({ ...SPEC, count: Number.NaN })).toEqual(['bad_count']);
  });

  it('should require at least one device when count > 0', () => {
    expect(codes({ ...SPEC, devices: [] })).toEqual(['no_devices']);
  });

  it('should reject duplicate and empty device names, which would collide in artifact ids', () => {
    const issues = validateGenerateSpec({ ...SPEC, devices: ['ws-01', '', 'ws-01'] });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['bad_device', ['generate', 'devices', 1]],
      ['duplicate_device', ['generate', 'devices', 2]],
    ]);
  });

  it('should accept a window of 0, the scenario default, which puts every artifact at `at`', () => {
    expect(codes({ ...SPEC, window: 0 })).toEqual([]);
  });

  it('should reject a negative window and one that is not a number', () => {
    expect(codes({ ...SPEC, window: -60_000 })).toEqual(['bad_window']);
    expect(codes({ ...SPEC, window: Number.NaN })).toEqual(['bad_window']);
  });

  it('should reject negative mix weights and a mix that sums to 0', () => {
    expect(codes({ ...SPEC, mix: { malicious: -1, pua: 0, benign: 1 } })).toEqual(['bad_weight']);
    expect(codes({ ...SPEC, mix: { malicious: 0, pua: 0, benign: 0 } })).toEqual(['zero_mix']);
  });

  it('should reject detection chances outside [0, 1]', () => {
    const issues = validateGenerateSpec({ ...SPEC, detection: { primaryAv: 90, mdav: -0.1, edr: 0.8 } });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['generate', 'detection', 'primaryAv'],
      ['generate', 'detection', 'mdav'],
    ]);
  });

  it('should reject an os list of the wrong length or with unknown names', () => {
    expect(codes({ ...SPEC, os: ['windows-11'] })).toEqual(['bad_os']);
    expect(codes({ ...SPEC, os: ['windows-11', 'windows-12' as OsName, 'server-2019', 'server-2022'] })).toEqual(['bad_os']);
  });

  it('should report every problem at once, each message starting with its public name', () => {
    const spec = {
      ...SPEC,
      count: -3,
      window: -1,
      mix: { malicious: 0, pua: 0, benign: 0 },
      detection: { primaryAv: 2, mdav: 0.9, edr: 0.8 },
    };
    const issues = validateGenerateSpec(spec, ['timeline', 4, 'generate']);
    expect(issues.map((issue) => issue.code)).toEqual(['bad_count', 'bad_window', 'zero_mix', 'bad_probability']);
    expect(issues.every((issue) => issue.message.startsWith(`${issue.path.slice(2).join('.')}: `))).toBe(true);
    expect(formatIssues(issues)).toMatchInlineSnapshot(`
      "✖ timeline[4].generate.count: generate.count: count must be a non-negative integer
        expected: an integer ≥ 0
        received: -3
      ✖ timeline[4].generate.window: generate.window: window must be 0 or longer
        expected: a duration such as 0s or 1h
        received: -1
        hint: artifacts spread over [at, at + window); 0s puts them all at \`at\`
      ✖ timeline[4].generate.mix: generate.mix: weights sum to 0; at least one must be positive
        expected: e.g. { malicious: 0.05, pua: 0.02, benign: 0.93 }
        received: {"malicious":0,"pua":0,"benign":0}
        hint: weights are normalised by their sum
      ✖ timeline[4].generate.detection.primaryAv: generate.detection.primaryAv: chance must be between 0 and 1
        expected: a probability in [0, 1]
        received: 2
        hint: write 0.9 for 90%"
    `);
  });
});
