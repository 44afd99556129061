/** The engine's `edrsim` commands, one lazy entry each, in the order the help lists them. */
import type { CommandEntry } from '../register-command.ts';

/**
 * Every command of the engine, in help order, with `extra` (commands from outside the engine, such as `bench`)
 * before `train`, as always. A new command is one line here: its name and the import of its `registerX`.
 *
 * @example
 * engineCommands([registerBench]); // run, validate, …, diff, coverage, blast-radius, registerBench, train
 */
export function engineCommands(extra: readonly CommandEntry[] = []): readonly CommandEntry[] {
  return [
    { name: 'run', load: async () => (await import('./run.ts')).registerRun },
    { name: 'validate', load: async () => (await import('./validate.ts')).registerValidate },
    { name: 'explain', load: async () => (await import('./explain.ts')).registerExplain },
    { name: 'check-exclusion', load: async () => (await import('./check-exclusion.ts')).registerCheckExclusion },
    { name: 'schema', load: async () => (await import('./schema.ts')).registerSchema },
    { name: 'doctor', load: async () => (await import('./doctor.ts')).registerDoctor },
    { name: 'export', load: async () => (await import('./export.ts')).registerExport },
    { name: 'diff', load: async () => (await import('./diff.ts')).registerDiff },
    { name: 'coverage', load: async () => (await import('./coverage.ts')).registerCoverage },
    { name: 'blast-radius', load: async () => (await import('./blast-radius.ts')).registerBlastRadius },
    { name: 'handout', load: async () => (await import('./handout.ts')).registerHandout },
    { name: 'classroom', load: async () => (await import('./classroom.ts')).registerClassroom },
    ...extra,
    { name: 'train', load: async () => (await import('./train.ts')).registerTrain },
  ] satisfies readonly CommandEntry[];
}
