/** The stream-length curve: each length runs in its own child process, which reports time and peak RSS. */
import { fork } from 'node:child_process';
import type { BenchShape } from './bench-shape.ts';
import type { StreamChildResult } from './stream-child.ts';

const CHILD_FILE = new URL('./workers/stream-child.js', import.meta.url);

/**
 * Runs `countSimulation` for `shape` in a fresh Node process and returns what it measured. Node flags
 * of this process (`--cpu-prof`, `--inspect`) are not passed on, so a profile covers one process only.
 *
 * @example
 * (await runStreamChild({ ...shape, artifacts: 10_000_000 })).peakRssMb; // ≈ 150
 */
export function runStreamChild(shape: BenchShape): Promise<StreamChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD_FILE, [JSON.stringify(shape)], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let result: StreamChildResult | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message) => {
      result = message as StreamChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result !== undefined) resolve(result);
      else
        reject(
          new Error(
            `stream child for ${shape.artifacts} artifacts exited with code ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`,
          ),
        );
    });
  });
}
