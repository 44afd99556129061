/** The classroom's API and pages, route by route: trainees join, open hints, answer; the instructor watches, locks, exports. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { classResultsCsv, classResultsJson } from '../train/class-summary.ts';
import type { ClassState, Trainee } from './class-state.ts';
import { classAnswers, classQuestions, instructorView } from './instructor-view.ts';
import { cookies, HttpError, readJson, send, sendJson, sessionCookie } from './http-rules.ts';
import { answerBody, hintBody, joinBody, lockBody } from './request-schemas.ts';
import { SESSION_ID } from './saved-class.ts';
import type { SseHub } from './sse-hub.ts';
import type { StaticFiles } from './static-files.ts';
import { hintsOf, traineeView } from './trainee-view.ts';

/** What the routes need from the running server; `now` and `newId` are the edge's clock and randomness. */
export interface Server {
  readonly state: ClassState;
  readonly hub: SseHub;
  readonly files: StaticFiles;
  readonly maxTrainees: number;
  readonly now: () => number;
  readonly newId: () => string;
  /** After every change of the class: saves it. */
  readonly changed: () => void;
  readonly isInstructor: (req: IncomingMessage) => boolean;
  /** The instructor session id for a valid token (then used up), else undefined. */
  readonly exchangeToken: (token: string) => string | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => Promise<void> | void;
/** The handlers of one path by method; a method not listed answers 405. */
export type Route = Partial<Record<'GET' | 'POST', Handler>>;

const TRAINEE_COOKIE = 'edrsim_session';
const INSTRUCTOR_COOKIE = 'edrsim_instructor';

/**
 * Every route of the server by exact path. Trainee routes find the trainee by the session cookie; instructor
 * routes need the instructor cookie (the exchanged token). Each change saves the class and notifies the streams.
 *
 * @example
 * classRoutes(server).get('/api/answer')?.POST; // the answer handler
 */
export function classRoutes(server: Server): ReadonlyMap<string, Route> {
  const { state, hub } = server;
  const trainee = (req: IncomingMessage): Trainee | undefined => {
    const id = cookies(req).get(TRAINEE_COOKIE);
    return id === undefined || !SESSION_ID.test(id) ? undefined : state.trainees.get(id);
  };
  const mustTrainee = (req: IncomingMessage): Trainee => {
    const found = trainee(req);
    if (found === undefined) throw new HttpError(401, 'join the class first');
    return found;
  };
  const mustInstructor = (req: IncomingMessage): void => {
    if (!server.isInstructor(req)) throw new HttpError(403, 'open the instructor address printed when the class started');
  };
  const question = (index: number) => {
    const found = state.course.questions[index];
    if (found === undefined) throw new HttpError(404, `there is no question ${index}`);
    return found;
  };
  const toInstructors = () => hub.notify((l) => l.trainee === undefined, 'class');
  const changed = () => {
    server.changed();
    toInstructors();
  };
  const viewOf = (res: ServerResponse, who: Trainee, status = 200) => sendJson(res, status, traineeView(state, who));

  return new Map<string, Route>([
    [
      '/api/me',
      {
        GET: (req, res) => {
          const who = trainee(req);
          if (who === undefined) return sendJson(res, 200, { joined: false, scenarios: state.course.scenarios.length });
          viewOf(res, who);
        },
      },
    ],
    [
      '/api/join',
      {
        POST: async (req, res) => {
          const { name } = await readJson(req, joinBody);
          const already = trainee(req);
          if (already !== undefined) return viewOf(res, already);
          if (state.trainees.size >= server.maxTrainees) throw new HttpError(503, 'the class is full');
          const who = state.join(name, server.newId(), server.now());
          changed();
          res.setHeader('Set-Cookie', sessionCookie(TRAINEE_COOKIE, who.session));
          viewOf(res, who, 201);
        },
      },
    ],
    [
      '/api/hint',
      {
        POST: async (req, res) => {
          const who = mustTrainee(req);
          const body = await readJson(req, hintBody);
          const q = question(body.question);
          if (!state.openHint(who, q.index, hintsOf(q).length)) throw new HttpError(409, 'no more hints for this question');
          changed();
          viewOf(res, who);
        },
      },
    ],
    [
      '/api/answer',
      {
        POST: async (req, res) => {
          const who = mustTrainee(req);
          const body = await readJson(req, answerBody);
          const q = question(body.question);
          if (!q.question.choices.includes(body.answer))
            throw new HttpError(400, `answer: choose one of ${q.question.choices.join(', ')}`);
          if (state.answer(who, q.index, body.answer, body.confidence, server.now()) === undefined)
            throw new HttpError(409, 'this question is already answered');
          changed();
          viewOf(res, who);
        },
      },
    ],
    [
      '/api/events',
      {
        GET: (req, res) => {
          const who = mustTrainee(req);
          if (!hub.open(res, { trainee: who.session })) throw new HttpError(503, 'too many open pages');
        },
      },
    ],
    [
      '/instructor',
      {
        GET: (req, res, query) => {
          const token = query.get('token');
          if (token !== null) {
            const id = server.exchangeToken(token);
            if (id === undefined)
              throw new HttpError(403, 'this instructor address is used up or wrong: use the fresh one the server printed');
            // 303 to the bare path: the token leaves the address bar, the history and (with no-referrer) every referrer.
            return send(res, 303, '', 'text/plain; charset=utf-8', {
              Location: '/instructor',
              'Set-Cookie': sessionCookie(INSTRUCTOR_COOKIE, id),
            });
          }
          mustInstructor(req);
          const page = server.files.get('instructor.html');
          if (page === undefined) throw new HttpError(500, 'internal error');
          send(res, 200, page.body, page.type);
        },
      },
    ],
    [
      '/api/instructor/class',
      {
        GET: (req, res) => {
          mustInstructor(req);
          sendJson(res, 200, instructorView(state));
        },
      },
    ],
    [
      '/api/instructor/lock',
      {
        POST: async (req, res) => {
          mustInstructor(req);
          const body = await readJson(req, lockBody);
          const q = question(body.question);
          if (body.locked) state.locked.add(q.index);
          else state.locked.delete(q.index);
          server.changed();
          // Every page refetches: a trainee's view now shows (or withholds) the reveal of what they answered.
          hub.notify(() => true, body.locked ? 'locked' : 'unlocked');
          sendJson(res, 200, instructorView(state));
        },
      },
    ],
    [
      '/api/instructor/events',
      {
        GET: (req, res) => {
          mustInstructor(req);
          if (!hub.open(res)) throw new HttpError(503, 'too many open pages');
        },
      },
    ],
    [
      '/api/instructor/results.csv',
      {
        GET: (req, res) => {
          mustInstructor(req);
          send(res, 200, classResultsCsv(classAnswers(state)), 'text/csv; charset=utf-8', {
            'Content-Disposition': 'attachment; filename="class-results.csv"',
          });
        },
      },
    ],
    [
      '/api/instructor/results.json',
      {
        GET: (req, res) => {
          mustInstructor(req);
          send(res, 200, classResultsJson(classQuestions(state), classAnswers(state)), 'application/json; charset=utf-8', {
            'Content-Disposition': 'attachment; filename="class-results.json"',
          });
        },
      },
    ],
  ]);
}
