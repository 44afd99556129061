/** `edrsim schema`: the JSON Schema of the scenario format, for editor completion. */
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/index.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';

export function registerSchema(program: Command, io: Io, exit: SetExit): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format')
    .addHelpText(
      'after',
      `
Save it and point your editor at it with a first line in the scenario file:
  # yaml-language-server: $schema=./edrsim.schema.json

Example:
  $ edrsim schema > edrsim.schema.json`,
    )
    .action(() => {
      io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      exit(EXIT.ok);
    });
}
