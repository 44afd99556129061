/** `startClassroom`: the class's HTTP server on node:http, its routes, and the edge where the clock and random ids live. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Issue } from '../core/issue.ts';
import type { Scenario } from '../scenario/index.ts';
import { buildCourse } from './class-course.ts';
import { ClassState } from './class-state.ts';
import { classRoutes, type Route, type Server } from './class-routes.ts';
import { cookies, HttpError, hostAllowed, originAllowed, send, sendJson } from './http-rules.ts';
import type { SavedClass } from './saved-class.ts';
import { SseHub } from './sse-hub.ts';
import { loadStaticFiles, staticFileFor } from './static-files.ts';

/** The port `edrsim classroom` listens on unless `--port` says otherwise. */
export const DEFAULT_PORT = 8400;

export interface ClassroomOptions {
  readonly scenarios: readonly Scenario[];
  /** Default {@link DEFAULT_PORT}; 0 for any free port. */
  readonly port?: number;
  /** Default `127.0.0.1` (loopback only). */
  readonly host?: string;
  /** A saved class to resume (validated with `parseSavedClass`). */
  readonly saved?: SavedClass;
  /** Called with the class state as JSON after every change and on close; its problems are passed to `log`. */
  readonly save?: (json: string) => readonly Issue[];
  /** A line for the operator: a fresh instructor address after one was used, a failed save. Default: dropped. */
  readonly log?: (line: string) => void;
  /** Default 200. */
  readonly maxTrainees?: number;
  /** Open event streams at once, all pages together. Default 100. */
  readonly maxStreams?: number;
}

export interface Classroom {
  /** The trainees' address. */
  readonly url: string;
  /** The instructor's address with its single-use token. */
  readonly instructorUrl: string;
  /** Saves, ends every stream and closes the server. */
  close(): Promise<void>;
}

/** The reason a class cannot start (bad save file, port taken): the CLI prints it and exits 2. */
export class ClassroomInputError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues[0]?.message ?? 'the classroom cannot start');
  }
}

const randomId = () => randomBytes(32).toString('hex');

/** Addresses that bind every interface: the printed address is then one other machines can reach. */
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

function lanAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces()))
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  return undefined;
}

/**
 * Builds the course from `scenarios` (as `train` asks them), resumes `saved` if given, and listens. Rejects with a
 * {@link ClassroomInputError} when the save file names questions this course lacks or the port is taken.
 *
 * @example
 * const room = await startClassroom({ scenarios, port: 0 });
 * room.url; // 'http://127.0.0.1:40123/'
 * await room.close();
 */
export async function startClassroom(options: ClassroomOptions): Promise<Classroom> {
  const course = buildCourse(options.scenarios);
  const state = resume(course, options.saved);
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const files = loadStaticFiles();
  const hub = new SseHub(options.maxStreams ?? 100);
  const instructors = new Set<string>();
  let token = randomId();
  let origin = '';
  const save = () => {
    for (const problem of options.save?.(`${JSON.stringify(state.toSaved(), null, 1)}\n`) ?? [])
      log(`edrsim classroom: the class could not be saved: ${problem.message}`);
  };
  const server: Server = {
    state,
    hub,
    files,
    maxTrainees: options.maxTrainees ?? 200,
    now: () => Date.now(),
    newId: randomId,
    changed: save,
    isInstructor: (req) => {
      const id = cookies(req).get('edrsim_instructor');
      return id !== undefined && instructors.has(id);
    },
    exchangeToken: (given) => {
      const a = Buffer.from(given);
      const b = Buffer.from(token);
      if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
      // Single use: the next browser needs the fresh address printed now.
      token = randomId();
      log(`edrsim classroom: that instructor address is used up; another browser can open ${origin}/instructor?token=${token}`);
      const id = randomId();
      instructors.add(id);
      return id;
    },
  };
  const routes = classRoutes(server);
  const http = createServer((req, res) => {
    void handle(req, res, routes, server, host, port()).catch((error: unknown) => fail(res, error));
  });
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  // Far above any class; a flood of idle sockets is refused instead of exhausting descriptors.
  http.maxConnections = 1_000;
  const port = () => (http.address() as AddressInfo | null)?.port ?? 0;
  await new Promise<void>((done, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ClassroomInputError([
          {
            code: 'listen_failed',
            path: ['--port'],
            message: `cannot listen on ${host}:${options.port ?? DEFAULT_PORT}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : (error.code ?? error.message)}`,
            hint: 'give --port another number, or --port 0 for any free port',
          },
        ]),
      ),
    );
    http.listen(options.port ?? DEFAULT_PORT, host, () => done());
  });
  const shown = WILDCARD.has(host) ? (lanAddress() ?? '127.0.0.1') : host;
  origin = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port()}`;
  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    instructorUrl: `${origin}/instructor?token=${token}`,
    close: () =>
      (closed ??= new Promise<void>((done) => {
        try {
          save();
        } catch {
          // The server closes whatever the save did: a broken save function must not leave the port held.
          log('edrsim classroom: the class could not be saved on closing');
        }
        hub.close();
        http.close(() => done());
        http.closeAllConnections();
      })),
  };
}

function resume(course: ReturnType<typeof buildCourse>, saved: SavedClass | undefined): ClassState {
  if (saved === undefined) return new ClassState(course);
  const resumed = ClassState.fromSaved(course, saved);
  if (resumed.ok) return resumed.value;
  throw new ClassroomInputError([
    {
      code: 'save_other_course',
      path: [],
      message: `the class save file names questions this course does not ask: ${resumed.unknown.slice(0, 3).join(', ')}${resumed.unknown.length > 3 ? ', …' : ''}`,
      hint: 'start with the same scenarios as the saved class, or give --save a new file name',
    },
  ]);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: ReadonlyMap<string, Route>,
  server: Server,
  host: string,
  port: number,
): Promise<void> {
  if (!hostAllowed(req.headers.host, host, port)) throw new HttpError(421, 'this server answers only to its own address');
  const raw = req.url ?? '/';
  const cut = raw.indexOf('?');
  // The path is matched as sent, never decoded or normalised: `/static/../x`, `%2e%2e` and `//` match nothing.
  const path = cut === -1 ? raw : raw.slice(0, cut);
  const query = new URLSearchParams(cut === -1 ? '' : raw.slice(cut + 1));
  const route = routes.get(path);
  const file = staticFileFor(server.files, path);
  if (route === undefined && file === undefined) throw new HttpError(404, 'no such page');
  const method = req.method ?? 'GET';
  const allowed = file !== undefined ? ['GET', 'HEAD'] : Object.keys(route ?? {});
  if (!allowed.includes(method)) throw new HttpError(405, `use ${allowed.join(' or ')}`, { Allow: allowed.join(', ') });
  if (file !== undefined) return send(res, 200, method === 'HEAD' ? '' : file.body, file.type, { 'Cache-Control': 'no-cache' });
  if (method === 'POST' && !originAllowed(req)) throw new HttpError(403, 'a change must come from a page of this server');
  const handler = method === 'POST' ? route?.POST : route?.GET;
  await handler?.(req, res, query);
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message }, error.headers);
  // Never a stack trace to the client: the message of an internal error may hold paths.
  sendJson(res, 500, { error: 'internal error' });
}
