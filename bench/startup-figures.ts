/** The start-up figures of the installed package: their schema, stable figure ids and goals (issue 14). */
import { z } from 'zod';

/** Wall milliseconds (medians) of the three processes, and the two ratios the goals judge. */
export const StartupSchema = z.object({
  nodeMs: z.number(),
  versionMs: z.number(),
  validateMs: z.number(),
  versionRatio: z.number(),
  validateRatio: z.number(),
});
export type StartupFigures = z.infer<typeof StartupSchema>;

/** A `Figure` of figure-ids.ts and a `GoalCheck` of bench-result.ts, by shape: both import this file. */
interface StartupFigure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly better: 'lower';
  readonly value: number;
}
interface StartupGoal {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly goal: string;
  readonly met: boolean;
  readonly judged: boolean;
}

/** The figures under their stable ids (bench/README.md lists them). */
export function startupFigures(startup: StartupFigures): StartupFigure[] {
  return [
    { id: 'startup.node', label: 'node -e 0', unit: 'ms', better: 'lower', value: startup.nodeMs },
    { id: 'startup.version', label: 'edrsim --version (installed)', unit: 'ms', better: 'lower', value: startup.versionMs },
    { id: 'startup.validate', label: 'edrsim validate, small scenario', unit: 'ms', better: 'lower', value: startup.validateMs },
    { id: 'startup.version.ratio', label: '--version / node -e 0', unit: '×', better: 'lower', value: startup.versionRatio },
    { id: 'startup.validate.ratio', label: 'validate / node -e 0', unit: '×', better: 'lower', value: startup.validateRatio },
  ];
}

/** Issue 14's goals: `--version` at most 3× `node -e 0`, `validate` of a small scenario at most 8×. */
export function startupGoals(startup: StartupFigures): StartupGoal[] {
  return [
    {
      id: 'startup-version',
      label: 'edrsim --version / node -e 0',
      value: startup.versionRatio,
      goal: '≤ 3×',
      met: startup.versionRatio <= 3,
      judged: true,
    },
    {
      id: 'startup-validate',
      label: 'edrsim validate (small) / node -e 0',
      value: startup.validateRatio,
      goal: '≤ 8×',
      met: startup.validateRatio <= 8,
      judged: true,
    },
  ];
}
