/** `edrsim classroom [SCENARIOS…]`: serves a class in the browser until Ctrl-C; the options, the save file and the signals. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue, Result } from '../../core/issue.ts';
import { isFolder, readInput } from '../../io/index.ts';
import { parseSavedClass, type SavedClass } from '../../server/saved-class.ts';
import { ClassroomInputError, DEFAULT_PORT, startClassroom } from '../../server/start-classroom.ts';
import { importRootOption, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { outputIsInput, writeAtomically } from '../write-output.ts';
import { loadEveryScenario, printProblems } from './load-all.ts';

interface ClassroomFlags extends InputFlags {
  port: string;
  host: string;
  save?: string;
}

/** The course a clone ships: `scenarios/` beside `engine/` (absent from the installed package, which ships no scenarios). */
const COURSE = fileURLToPath(new URL('../../../scenarios', import.meta.url));

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

/**
 * Registers `classroom`: serves until SIGINT/SIGTERM, then saves and exits 0; exits 2 for invalid input (options,
 * scenarios, a save file of another course or not written by edrsim, a port in use).
 *
 * @example
 * await main(['classroom', 'scenarios/01-modes', '--port', '0'], io); // serves until Ctrl-C
 */
export function registerClassroom(program: Command, io: Io, exit: SetExit): void {
  program
    .command('classroom')
    .description('a class in the browser: trainees answer with a confidence, the instructor watches live, locks reveals, exports')
    .argument('[scenarios...]', "scenario files or folders in course order (default: the course in the clone's scenarios/)")
    .option('-p, --port <n>', `port to listen on; 0 for any free port`, String(DEFAULT_PORT))
    .option(
      '--host <host>',
      'address to bind; anything but loopback lets other machines join (a warning is printed)',
      '127.0.0.1',
    )
    .option(
      '--save <file>',
      'keep the class in FILE (JSON, mode 0600, rewritten atomically after every change); resumed at start',
    )
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Prints the trainees' address and the instructor's, whose token works once: the instructor page swaps it for a
cookie, and a fresh address for another browser is printed on stderr. Pages run offline (no CDN, no web font).
Exit codes: 0 after Ctrl-C (the class saved first), 2 invalid input.

Examples:
  $ edrsim classroom --save class.json
  $ edrsim classroom course/01-modes course/07-exclusions --port 0
  $ edrsim classroom course/ --host 0.0.0.0 --port 8080`,
    )
    .action(async (paths: string[], flags: ClassroomFlags) => {
      const port = portOf(flags.port);
      if (!port.ok) return fail(io, exit, [port.issue]);
      if (paths.length === 0 && !isFolder(COURSE))
        return fail(io, exit, [
          {
            code: 'no_course',
            path: ['scenarios'],
            message: 'none given, and this install has no course folder (the package ships no scenarios)',
            hint: 'pass scenario files or folders: edrsim classroom my-course/',
          },
        ]);
      const loaded = loadEveryScenario(paths.length === 0 ? [COURSE] : paths, flags, io);
      if (loaded === undefined) return exit(EXIT.invalid);
      const clash = outputIsInput(flags.save, io, loaded.inputs).map((issue) => ({ ...issue, path: ['--save'] }));
      if (clash.length > 0) return fail(io, exit, clash);
      const saving =
        flags.save === undefined
          ? undefined
          : classSaveFile(resolve(io.cwd, flags.save), flags.save, loaded.inputs, loaded.limits.maxFileSize);
      if (saving !== undefined && !saving.ok) return fail(io, exit, saving.issues);
      const saved = saving?.value.saved;
      if (!LOOPBACK.test(flags.host))
        io.err(
          `⚠ --host ${flags.host}: other machines on the network can join this class; keep the instructor address private\n`,
        );
      let room;
      try {
        room = await startClassroom({
          scenarios: loaded.scenarios,
          port: port.value,
          host: flags.host,
          ...(saved === undefined ? {} : { saved }),
          ...(saving === undefined ? {} : { save: saving.value.save }),
          log: (line) => io.err(`${line}\n`),
        });
      } catch (error) {
        if (error instanceof ClassroomInputError) return fail(io, exit, error.issues);
        throw error;
      }
      const count = loaded.scenarios.length;
      io.out(
        `edrsim classroom: ${count} scenario${count === 1 ? '' : 's'}${saved === undefined ? '' : `, ${saved.trainees.length} trainees resumed`}\n` +
          `  trainees:   ${room.url}\n` +
          `  instructor: ${room.instructorUrl}   (works once; keep it private)\n` +
          `Press Ctrl-C to end the class${flags.save === undefined ? '' : ` (saved in ${flags.save})`}.\n`,
      );
      await (io.stopped ?? stopSignal)();
      await room.close();
      io.err(`edrsim classroom: class ended${flags.save === undefined ? '' : `, saved in ${flags.save}`}\n`);
      exit(EXIT.ok);
    });
}

function fail(io: Io, exit: SetExit, issues: readonly Issue[]): void {
  printProblems(io, issues);
  exit(EXIT.invalid);
}

function stopSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function portOf(text: string): { ok: true; value: number } | { ok: false; issue: Issue } {
  const value = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (value >= 0 && value <= 65_535) return { ok: true, value };
  return {
    ok: false,
    issue: {
      code: 'bad_port',
      path: ['--port'],
      message: `must be a whole number from 0 to 65535, got "${text}"`,
      hint: `give --port ${DEFAULT_PORT}, or --port 0 for any free port`,
    },
  };
}

/** A `--save` file: the class it holds (when it exists) and the writer the server calls after every change. */
export interface ClassSaveFile {
  readonly saved?: SavedClass;
  /** Writes the class atomically (a temporary file in the same folder, then rename), mode 0600: it holds session ids. */
  readonly save: (json: string) => readonly Issue[];
}

/**
 * Opens `--save FILE`: a missing file starts a new class; an existing one must be a valid save file (else its
 * problems, placed at line:column). `inputs` (the scenarios read) are never overwritten.
 *
 * @example
 * const opened = classSaveFile('/work/class.json', 'class.json', loaded.inputs, limits.maxFileSize);
 * if (opened.ok) await startClassroom({ scenarios, saved: opened.value.saved, save: opened.value.save });
 */
export function classSaveFile(
  file: string,
  shownAs: string,
  inputs: readonly string[],
  maxFileSize: number,
): Result<ClassSaveFile> {
  const save = (json: string) => writeAtomically(file, json, shownAs, inputs, 0o600);
  let exists = false;
  const read = readInput(file, { shownAs, maxFileSize, onResolved: () => (exists = true) });
  if (!read.ok) return exists ? { ok: false, issues: read.issues } : { ok: true, value: { save } };
  const parsed = parseSavedClass(read.value.text, shownAs);
  return parsed.ok ? { ok: true, value: { saved: parsed.value, save } } : parsed;
}
