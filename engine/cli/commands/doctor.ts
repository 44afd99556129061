/** `edrsim doctor <status> [--mppref <file>]`: a device's Get-MpComputerStatus read as the engine reads it, with the block-mode checklist. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { ReadField } from '../../core/device-facts.ts';
import type { Issue, Result } from '../../core/issue.ts';
import { DEFAULT_MAX_FILE_SIZE, readInput } from '../../io/index.ts';
import { diagnoseStatus, importComputerStatus, readCloudProtection } from '../../model/index.ts';
import { renderDoctorJson, renderDoctorText } from '../../report/render-doctor.ts';
import { maxFileSizeOption } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { printProblems } from './load-all.ts';

interface DoctorOptions {
  mppref?: string;
  format: 'text' | 'json';
  maxFileSize?: number;
}

/** Reads `file` through the one reader and hands its text to `importer`; every issue names the file. */
function readWith<T>(io: Io, file: string, maxFileSize: number, importer: (text: string) => Result<T>): Result<T> {
  const read = readInput(resolve(io.cwd, file), { shownAs: file, maxFileSize });
  if (!read.ok) return read;
  const imported = importer(read.value.text);
  return imported.ok
    ? imported
    : { ok: false, issues: imported.issues.map((issue): Issue => ({ ...issue, file, column: issue.column ?? 1 })) };
}

export function registerDoctor(program: Command, io: Io, exit: SetExit): void {
  program
    .command('doctor')
    .description("read a device's Get-MpComputerStatus: its mode, the EDR in block mode checklist, and what works in that mode")
    .argument('<status>', 'Get-MpComputerStatus output: the text, or Get-MpComputerStatus | ConvertTo-Json')
    .option('--mppref <file>', 'Get-MpPreference output of the same device, for cloud protection (MAPSReporting)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Get-MpComputerStatus shows the mode, the versions and the service; it has no licence, onboarding,
operating system, primary AV or tenant switch, and cloud protection (MAPS) is in Get-MpPreference.
Those checklist lines read "unknown": nothing is assumed. Each line names the field it was read from.

On the device:
  PS> Get-MpComputerStatus | ConvertTo-Json | Out-File status.json
  PS> Get-MpPreference | ConvertTo-Json | Out-File mppref.json

Exit codes: 0 read, 2 invalid input.

Examples:
  $ edrsim doctor scenarios/01-modes/status-edr-block-mode.txt
  $ edrsim doctor scenarios/01-modes/status-passive.txt --mppref scenarios/07-exclusions/mppref.txt
  $ edrsim doctor scenarios/01-modes/status-edr-block-mode.txt --format json`,
    )
    .action((file: string, options: DoctorOptions) => {
      const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      const facts = readWith(io, file, max, importComputerStatus);
      const cloud: Result<ReadField<boolean> | undefined> =
        options.mppref === undefined ? { ok: true, value: undefined } : readWith(io, options.mppref, max, readCloudProtection);
      const issues = [...(facts.ok ? [] : facts.issues), ...(cloud.ok ? [] : cloud.issues)];
      if (!facts.ok || !cloud.ok) {
        printProblems(io, issues);
        return exit(EXIT.invalid);
      }
      const diagnosis = diagnoseStatus(facts.value, cloud.value === undefined ? {} : { cloudProtection: cloud.value });
      const view = { diagnosis, status: file, ...(options.mppref === undefined ? {} : { mppref: options.mppref }) };
      io.out(options.format === 'json' ? renderDoctorJson(view) : renderDoctorText(view, io.columns));
      exit(EXIT.ok);
    });
}
