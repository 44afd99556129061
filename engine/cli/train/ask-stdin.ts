/** `Io.ask` for a real terminal: one readline interface on stdin, opened on first use, closed at the end. */
import { createInterface, type Interface } from 'node:readline/promises';

/**
 * Returns `ask`, which prints a prompt on stdout and resolves with the next line of stdin (rejecting once
 * stdin is closed, e.g. Ctrl-D or Ctrl-C), and `close`, which releases stdin so the process can exit.
 *
 * @example
 * const stdin = stdinAsker();
 * const reply = await stdin.ask('your answer> ');
 * stdin.close();
 */
export function stdinAsker(): { ask: (prompt: string) => Promise<string>; close: () => void } {
  let lines: Interface | undefined;
  let closed = false;
  const open = (): Interface => {
    if (lines !== undefined) return lines;
    lines = createInterface({ input: process.stdin, output: process.stdout });
    lines.once('close', () => (closed = true));
    return lines;
  };
  return {
    ask: (prompt) =>
      new Promise<string>((resolve, reject) => {
        const rl = open();
        if (closed) return reject(new Error('standard input is closed'));
        // A pending question is never settled when the interface closes: settle it here.
        const onClose = () => reject(new Error('standard input is closed'));
        rl.once('close', onClose);
        rl.question(prompt).then(
          (answer) => {
            rl.off('close', onClose);
            resolve(answer);
          },
          (error: unknown) => {
            rl.off('close', onClose);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
    close: () => lines?.close(),
  };
}
