/** Removes the CLI's temporary output files when the process is stopped by SIGINT, SIGTERM or SIGHUP. */
import { closeSync, rmSync } from 'node:fs';

/** Exit status after a signal, as a shell reports it: 128 + the signal's number. */
const EXIT_AFTER: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

const temps = new Map<string, number>();
let installed = false;

/**
 * Registers a temporary file (its path and open descriptor) to be removed if a stop signal arrives
 * while it exists; the returned function unregisters it once it was renamed into place or removed.
 * Handlers are installed only while a temporary file exists, so that otherwise Ctrl-C behaves as
 * always. A signal that arrives during synchronous work is handled when the work yields: the handler
 * then removes whatever temporary file is left and exits with 128 + the signal's number.
 *
 * @example
 * const release = guardTempFile('/out/.edrsim-1a2b.tmp', fd);
 * // … write, rename …
 * release();
 */
export function guardTempFile(path: string, fd: number): () => void {
  temps.set(path, fd);
  armTempFileGuard();
  return () => {
    temps.delete(path);
    // Removed two turns of the event loop later, so that a poll phase comes first: a signal that arrived during
    // synchronous writing is dispatched there and still ends the process, instead of being dropped with the handler.
    if (temps.size === 0) setImmediate(() => setImmediate(uninstallIfIdle));
  };
}

/**
 * Resolves after two turns of the event loop, in which a stop signal received during synchronous work is
 * handled (the temporary files go, the process exits). Await it before committing a long output, and now
 * and then while streaming one, so that Ctrl-C stops the run instead of waiting for its end.
 *
 * @example
 * await yieldForSignals();
 * const problems = output.close();
 */
export async function yieldForSignals(): Promise<void> {
  await new Promise<void>((done) => setImmediate(() => setImmediate(done)));
}

/**
 * Installs the signal handlers before a temporary file is created: a signal between the file's creation and
 * {@link guardTempFile} would otherwise meet the default handler, which ends the process with the file left
 * behind. Returns `disarm`, for when no file was created after all.
 *
 * @example
 * const disarm = armTempFileGuard();
 * const created = createTemp(folder);
 * if (!created.ok) disarm();
 */
export function armTempFileGuard(): () => void {
  install();
  return uninstallIfIdle;
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_AFTER)) process.on(signal, onSignal);
}

function uninstallIfIdle(): void {
  if (!installed || temps.size > 0) return;
  installed = false;
  for (const signal of Object.keys(EXIT_AFTER)) process.off(signal, onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const [path, fd] of temps) {
    try {
      closeSync(fd);
    } catch {
      // already closed by the writer
    }
    rmSync(path, { force: true });
  }
  temps.clear();
  process.exit(EXIT_AFTER[signal] ?? 1);
}
