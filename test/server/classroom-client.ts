/** A classroom started in-process for tests, and a small client that speaks its API as a page of its own origin would. */
import { connect } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from '../../engine/cli/commands/load-all.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { startClassroom, type Classroom, type ClassroomOptions } from '../../engine/server/start-classroom.ts';
import { recordingIo } from '../cli/run-cli.ts';
import { HOSTILE } from '../train/handout-hostile.ts';

const REPO = new URL('../..', import.meta.url).pathname;

/** Library scenarios (paths relative to the repository), loaded as the CLI loads them. */
export function library(...paths: string[]): Scenario[] {
  const loaded = loadAll(paths, recordingIo(REPO).io);
  if (loaded.errors.length > 0 || loaded.scenarios.length === 0) throw new Error(`cannot load ${paths.join(', ')}`);
  return loaded.scenarios;
}

/** The hostile scenario (script tags in its name and description) written to a temporary folder and loaded from there. */
export function hostileScenario(): Scenario[] {
  const folder = mkdtempSync(join(tmpdir(), 'edrsim-classroom-'));
  writeFileSync(join(folder, 'hostile.yaml'), HOSTILE);
  const loaded = loadAll([folder], recordingIo(folder).io);
  if (loaded.errors.length > 0) throw new Error('the hostile scenario does not load');
  return loaded.scenarios;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

/** A running class and its client. */
export interface Room {
  readonly room: Classroom;
  readonly origin: string;
  readonly port: number;
  /** Lines the server logged (fresh instructor addresses). */
  readonly logs: string[];
  get(path: string, cookie?: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body: unknown, cookie?: string, headers?: Record<string, string>): Promise<Reply>;
  /** Joins as `name`; the session cookie (`edrsim_session=…`). */
  join(name: string): Promise<string>;
  /** Exchanges the printed token; the instructor cookie. */
  instructor(): Promise<string>;
  close(): Promise<void>;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * Starts a class on any free port with `scenarios` (and any other option).
 *
 * @example
 * const r = await openRoom(library('scenarios/01-modes')); const me = await r.join('Ada');
 */
export async function openRoom(scenarios: readonly Scenario[], options: Partial<ClassroomOptions> = {}): Promise<Room> {
  const logs: string[] = [];
  const room = await startClassroom({ scenarios, port: 0, log: (line) => logs.push(line), ...options });
  const origin = room.url.slice(0, -1);
  const port = Number(new URL(room.url).port);
  const get = async (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    reply(await fetch(`${origin}${path}`, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers } }));
  const post = async (path: string, body: unknown, cookie?: string, headers: Record<string, string> = {}) =>
    reply(
      await fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  let token = room.instructorUrl;
  return {
    room,
    origin,
    port,
    logs,
    get,
    post,
    join: async (name) => {
      const joined = await post('/api/join', { name });
      if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${joined.text}`);
      return (joined.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    instructor: async () => {
      const opened = await get(token.slice(origin.length));
      if (opened.status !== 303) throw new Error(`instructor token refused: ${opened.status}`);
      token = (logs.at(-1) ?? '').replace(/^.* open /, '');
      return (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    close: () => room.close(),
  };
}

/**
 * One raw HTTP/1.1 request, as written (fetch would normalise `/../` away): its status line's code and its text.
 *
 * @example
 * await rawGet(port, '/static/../package.json'); // { status: 404, … }
 */
export function rawGet(port: number, target: string, host = `127.0.0.1:${port}`): Promise<{ status: number; text: string }> {
  return new Promise((done, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}
