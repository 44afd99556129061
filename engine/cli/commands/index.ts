/** Registers every `edrsim` command of the engine on the program (`bench` comes from bench/, through `main`). */
import type { Command } from 'commander';
import type { Io } from '../io.ts';
import type { RegisterCommand, SetExit } from '../register-command.ts';
import { registerBlastRadius } from './blast-radius.ts';
import { registerCheckExclusion } from './check-exclusion.ts';
import { registerCoverage } from './coverage.ts';
import { registerDiff } from './diff.ts';
import { registerExplain } from './explain.ts';
import { registerRun } from './run.ts';
import { registerSchema } from './schema.ts';
import { registerTrain } from './train.ts';
import { registerValidate } from './validate.ts';

/** `extra` are the commands from outside the engine (`bench`); they are listed before `train`, as always. */
export function registerCommands(program: Command, io: Io, exit: SetExit, extra: readonly RegisterCommand[] = []): void {
  registerRun(program, io, exit);
  registerValidate(program, io, exit);
  registerExplain(program, io, exit);
  registerCheckExclusion(program, io, exit);
  registerSchema(program, io, exit);
  registerDiff(program, io, exit);
  registerCoverage(program, io, exit);
  registerBlastRadius(program, io, exit);
  for (const register of extra) register(program, io, exit);
  registerTrain(program, io, exit);
}
