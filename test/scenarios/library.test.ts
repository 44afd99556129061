/** Every scenario in scenarios/ is a test: it must load and every expectation must hold. */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { loadScenarioFile, runScenario } from '../../engine/run-scenario.ts';
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import { classroomProblems } from '../train/classroom-checks.ts';

const root = new URL('../../', import.meta.url).pathname;
const { files } = collectScenarioFiles(['scenarios'], root);

describe('the scenario library', () => {
  it('should hold at least 30 scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(files)('%s', (file) => {
    const loaded = loadScenarioFile(`${root}${file}`);
    // One run serves every check of the file.
    let cached: ScenarioReport | undefined;
    const reportOf = () => {
      if (!loaded.ok) throw new Error('does not load');
      return (cached ??= runScenario(loaded.value));
    };

    it('should load without problems', () => {
      expect(loaded.ok ? '' : formatIssues(loaded.issues)).toBe('');
    });

    it('should meet every expectation', () => {
      const report = reportOf();
      const failures = report.expectations.filter((e) => !e.passed).map((e) => [e.message, ...(e.details ?? [])].join('\n  '));
      expect(failures).toEqual([]);
      expect(report.expectations.length).toBeGreaterThan(0);
    });

    it('should teach: a description, and a cite on every expectation', () => {
      if (!loaded.ok) throw new Error('does not load');
      expect(loaded.value.description?.trim().length ?? 0).toBeGreaterThan(80);
      expect(loaded.value.expect.filter((e) => e.cite === undefined).map((e) => e.index)).toEqual([]);
    });

    it('should teach in the classroom: safe reveals, linked sources, hints that never state the answer', () => {
      if (!loaded.ok) throw new Error('does not load');
      expect(classroomProblems(loaded.value, reportOf())).toEqual([]);
    });
  });
});
