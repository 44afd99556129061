// The classroom's HTTP API in-process: security headers, caps, Host and Origin, static paths, the instructor token,
// the answer-withholding law, locks, exports, hostile text, and --save with a restart.
import { readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forXml } from '../../engine/core/escape.ts';
import { classSaveFile } from '../../engine/cli/commands/classroom.ts';
import { buildCourse } from '../../engine/server/class-course.ts';
import { MAX_BODY_BYTES } from '../../engine/server/http-rules.ts';
import { ClassroomInputError, startClassroom } from '../../engine/server/start-classroom.ts';
import { runCli } from '../cli/run-cli.ts';
import { hostileScenario, library, openRoom, rawGet, type Reply, type Room } from './classroom-client.ts';

const REPO = new URL('../..', import.meta.url).pathname;
const MODES = library('scenarios/01-modes');
const rooms: Room[] = [];
afterAll(async () => {
  for (const room of rooms) await room.close();
});
async function room(...args: Parameters<typeof openRoom>): Promise<Room> {
  const opened = await openRoom(...args);
  rooms.push(opened);
  return opened;
}

const SECURITY = {
  'content-security-policy': expect.stringMatching(/^default-src 'self';.*frame-ancestors 'none'/),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const headersOf = (reply: Reply) => Object.fromEntries(reply.headers.entries());

describe('every classroom response', () => {
  it('should carry the CSP, nosniff and no-referrer headers, on pages, files, the API and errors alike', async () => {
    const r = await room(MODES);
    const replies = [
      await r.get('/'),
      await r.get('/static/trainee.js'),
      await r.get('/api/me'),
      await r.get('/no/such/page'),
      await r.post('/', {}),
      await r.get('/instructor'),
      await r.post('/api/join', 'x'.repeat(MAX_BODY_BYTES + 1)),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 404, 405, 403, 413]);
    for (const reply of replies) expect(headersOf(reply)).toMatchObject(SECURITY);
  });

  it('should serve each page file with its own Content-Type and no inline script or style', async () => {
    const r = await room(MODES);
    const types = {
      '/': 'text/html; charset=utf-8',
      '/static/style.css': 'text/css; charset=utf-8',
      '/static/page.js': 'text/javascript; charset=utf-8',
      '/static/trainee.js': 'text/javascript; charset=utf-8',
      '/static/instructor.js': 'text/javascript; charset=utf-8',
      '/static/favicon.svg': 'image/svg+xml',
    };
    for (const [path, type] of Object.entries(types)) {
      const reply = await r.get(path);
      expect({ path, type: reply.headers.get('content-type') }).toEqual({ path, type });
      if (path === '/') expect(reply.text).not.toMatch(/<script>|<style|style=|\son[a-z]+=/i);
    }
  });
});

describe('the classroom refuses', () => {
  it('should answer unknown routes 404 and wrong methods 405 with Allow, as JSON without a stack trace', async () => {
    const r = await room(MODES);
    const missing = await r.get('/api/nothing');
    expect([missing.status, missing.json]).toEqual([404, { error: 'no such page' }]);
    const wrong = await r.get('/api/answer');
    expect([wrong.status, wrong.headers.get('allow'), wrong.json]).toEqual([405, 'POST', { error: 'use POST' }]);
    expect((await r.post('/static/style.css', {})).headers.get('allow')).toBe('GET, HEAD');
  });

  it('should refuse bodies over 16 KiB (413), not JSON (415, 400), and any shape its zod schema does not accept (400)', async () => {
    const r = await room(MODES);
    const cookie = await r.join('Ada');
    expect((await r.post('/api/join', { name: 'x'.repeat(MAX_BODY_BYTES) })).status).toBe(413);
    expect((await r.post('/api/join', '{"name":"a"}', undefined, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await r.post('/api/join', '{"name":')).json).toEqual({ error: 'the body is not JSON' });
    expect((await r.post('/api/join', { name: 'a', admin: true })).status).toBe(400);
    expect((await r.post('/api/answer', { question: 0, answer: 'nonsense', confidence: 'high' }, cookie)).json).toEqual({
      error: 'answer: choose one of Normal, Passive Mode, EDR Block Mode, Not running',
    });
    expect((await r.post('/api/answer', { question: 0, answer: 'Normal', confidence: 'sure' }, cookie)).status).toBe(400);
    expect((await r.post('/api/answer', { question: 9999, answer: 'Normal', confidence: 'low' }, cookie)).status).toBe(404);
    expect((await r.post('/api/answer', { question: 0, answer: 'Normal', confidence: 'low' })).status).toBe(401);
  });

  it('should refuse names that are empty, too long or hold control characters, and keep any other Unicode', async () => {
    const r = await room(MODES);
    for (const name of ['', '   ', 'x'.repeat(61), 'a\u0000b', 'a\nb', 'a\u009bb'])
      expect({ name, status: (await r.post('/api/join', { name })).status }).toEqual({ name, status: 400 });
    for (const name of ['Zoë 🛡️', 'مرحبا\u202e', '<script>alert(1)</script>', 'x'.repeat(60)]) {
      const joined = await r.post('/api/join', { name });
      expect([joined.status, joined.json.name]).toEqual([201, name]);
    }
  });

  it('should answer only to its own address (DNS rebinding) and take changes only from its own pages (Origin)', async () => {
    const r = await room(MODES);
    expect((await rawGet(r.port, '/', `evil.example:${r.port}`)).status).toBe(421);
    expect((await rawGet(r.port, '/', `127.0.0.1:${r.port + 1}`)).status).toBe(421);
    expect((await rawGet(r.port, '/', `localhost:${r.port}`)).status).toBe(200);
    expect((await r.post('/api/join', { name: 'Ada' }, undefined, { origin: 'http://evil.example' })).status).toBe(403);
    const noOrigin = await fetch(`${r.origin}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Ada"}',
    });
    expect(noOrigin.status).toBe(403);
  });

  it('should cap the trainees and the open event streams (503)', async () => {
    const r = await room(MODES, { maxTrainees: 2, maxStreams: 1 });
    const first = await r.join('one');
    await r.join('two');
    expect((await r.post('/api/join', { name: 'three' })).json).toEqual({ error: 'the class is full' });
    const stream = new AbortController();
    const open = await fetch(`${r.origin}/api/events`, { headers: { cookie: first }, signal: stream.signal });
    expect([open.status, open.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    expect((await r.get('/api/events', first)).status).toBe(503);
    stream.abort();
  });

  it('should serve no file outside its allow-list, however the path is written', async () => {
    const r = await room(MODES);
    const attempts = [
      '/../package.json',
      '/static/../package.json',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/%2E%2E%2Fpackage.json',
      '/static%2fstyle.css',
      '/static/style.css%00',
      '/static//style.css',
      '//etc/passwd',
      '/etc/passwd',
      `http://127.0.0.1:${r.port}/etc/passwd`,
      '/static/..%5c..%5cpackage.json',
      '/static/tsconfig.json',
      '/static/instructor.html',
      '/instructor.html',
    ];
    for (const target of attempts) {
      const reply = await rawGet(r.port, target);
      expect({ target, refused: reply.status === 404 || reply.status === 400 }).toEqual({ target, refused: true });
      expect(reply.text).not.toMatch(/"name": "edrsim"|root:|<html/);
    }
    expect((await rawGet(r.port, '/static/style.css\u0000')).status).toBe(400);
  });
});

describe('the instructor address', () => {
  it('should swap its token once for an HttpOnly SameSite=Strict cookie and send the browser on to the bare /instructor', async () => {
    const r = await room(MODES);
    const path = r.room.instructorUrl.slice(r.origin.length);
    const first = await r.get(path);
    expect([first.status, first.headers.get('location')]).toEqual([303, '/instructor']);
    expect(first.headers.get('set-cookie')).toMatch(/^edrsim_instructor=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await r.get(path)).status).toBe(403);
    // A fresh address for another browser, logged for the operator (stderr), itself good once.
    const fresh = /open (http:\S+)$/.exec(r.logs.at(-1) ?? '')?.[1] ?? '';
    expect(fresh).not.toBe(r.room.instructorUrl);
    expect((await r.get(fresh.slice(r.origin.length))).status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await r.get('/instructor', cookie);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('should keep the instructor API and exports from anyone without the cookie, trainees included', async () => {
    const r = await room(MODES);
    const trainee = await r.join('Ada');
    for (const path of ['/instructor', '/api/instructor/class', '/api/instructor/results.csv', '/api/instructor/events'])
      expect({ path, status: (await r.get(path, trainee)).status }).toEqual({ path, status: 403 });
    expect((await r.post('/api/instructor/lock', { question: 0, locked: true }, trainee)).status).toBe(403);
    expect((await r.get('/instructor?token=0000')).status).toBe(403);
  });
});

/** Each JSON string form a text can take in a response: raw, and escaped for HTML. */
const forms = (text: string) => [JSON.stringify(text).slice(1, -1), JSON.stringify(forXml(text)).slice(1, -1)];

describe('the answer-withholding law', () => {
  const scenarios = library(
    'scenarios/01-modes',
    'scenarios/07-exclusions',
    'scenarios/08-indicators',
    'scenarios/12-action-center',
  );
  const course = buildCourse(scenarios);

  it('should send no answer, reason or reveal of a scenario before the trainee has submitted all of it, and the reveal after', async () => {
    const r = await room(scenarios);
    let walked = 0;
    for (const scenario of course.scenarios) {
      const asked = course.questions.filter((q) => q.scenario === scenario);
      if (asked.length === 0) continue;
      // A fresh trainee per scenario, so that no other scenario's reveal is in the responses.
      const cookie = await r.join(`trainee ${scenario.index}`);
      const secrets = asked.flatMap((q) => forms(q.question.summary));
      const held = (reply: Reply) => {
        const view = reply.json.scenarios[scenario.index];
        for (const q of view.questions) {
          expect(q).not.toHaveProperty('expected');
          expect(q).not.toHaveProperty('revealHtml');
          expect(q).not.toHaveProperty('correct');
        }
        for (const secret of secrets) expect(reply.text).not.toContain(secret);
        expect(reply.text).not.toContain('answer-expected');
      };
      held(await r.get('/api/me', cookie));
      for (const [n, q] of asked.entries()) {
        // Every hint opened, one by one: a hint never carries the answer's data either.
        for (let hint = await r.post('/api/hint', { question: q.index }, cookie); hint.status === 200;) {
          held(hint);
          hint = await r.post('/api/hint', { question: q.index }, cookie);
        }
        const answered = await r.post(
          '/api/answer',
          { question: q.index, answer: q.question.choices[0], confidence: 'medium' },
          cookie,
        );
        expect(answered.status).toBe(200);
        if (n < asked.length - 1) held(answered);
        else
          for (const done of asked) {
            const shown = answered.json.scenarios[scenario.index].questions.find(
              (x: { index: number }) => x.index === done.index,
            );
            expect(shown.status).toBe('revealed');
            expect(shown.revealHtml).toContain(`<strong class="answer-expected">${forXml(done.question.expected)}</strong>`);
            expect(shown.revealHtml).toContain(forXml(done.question.summary));
          }
        walked++;
      }
    }
    expect(walked).toBe(course.questions.length);
    expect(walked).toBeGreaterThan(20);
  });
});

/** Reads a trainee's event stream until an event named `name` arrives. */
async function nextEvent(stream: Response, name: string): Promise<void> {
  const reader = stream.body?.getReader();
  if (reader === undefined) throw new Error('no stream');
  let text = '';
  while (!text.includes(`event: ${name}\n`)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before "${name}"`);
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
}

describe('reveal locks', () => {
  it("should withhold a locked question's reveal from every trainee, and push the unlock over the event stream", async () => {
    const r = await room(MODES);
    const instructor = await r.instructor();
    const course = buildCourse(MODES);
    const first = course.questions.filter((q) => q.scenario.index === 0);
    const locked = first[0]?.index ?? -1;
    expect(
      (await r.post('/api/instructor/lock', { question: locked, locked: true }, instructor)).json.questions[locked].locked,
    ).toBe(true);
    const cookie = await r.join('Ada');
    let view: Reply | undefined;
    for (const q of first)
      view = await r.post('/api/answer', { question: q.index, answer: q.question.expected, confidence: 'high' }, cookie);
    const shown = view?.json.scenarios[0].questions;
    expect(shown.map((q: { status: string; held?: string }) => [q.status, q.held])).toEqual(
      first.map((q) => (q.index === locked ? ['submitted', 'instructor'] : ['revealed', undefined])),
    );
    for (const secret of forms(first[0]?.question.summary ?? '')) expect(view?.text ?? '').not.toContain(secret);
    expect(view?.json.score).toEqual({ points: 3 * (first.length - 1), revealed: first.length - 1 });

    const stream = await fetch(`${r.origin}/api/events`, { headers: { cookie } });
    const unlocked = nextEvent(stream, 'unlocked');
    await r.post('/api/instructor/lock', { question: locked, locked: false }, instructor);
    await unlocked;
    const after = await r.get('/api/me', cookie);
    expect(after.json.scenarios[0].questions[0].status).toBe('revealed');
    expect(after.json.score.revealed).toBe(first.length);
  });

  it('should tell the instructor over the event stream when a trainee answers, with the answer in the chart data', async () => {
    const r = await room(MODES);
    const instructor = await r.instructor();
    const cookie = await r.join('Ada');
    const stream = await fetch(`${r.origin}/api/instructor/events`, { headers: { cookie: instructor } });
    const told = nextEvent(stream, 'class');
    await r.post('/api/answer', { question: 0, answer: 'Passive Mode', confidence: 'low' }, cookie);
    await told;
    const view = (await r.get('/api/instructor/class', instructor)).json;
    expect(view.questions[0].counts).toEqual([0, 1, 0, 0]);
    expect(view.trainees).toEqual([{ name: 'Ada', answered: 1, correct: 1, points: 1 }]);
  });
});

describe('exported results', () => {
  it('should download CSV and JSON with every answer, hostile names escaped for CSV', async () => {
    const r = await room(MODES);
    const instructor = await r.instructor();
    const ada = await r.join('=cmd|calc');
    const bob = await r.join('<script>alert(1)</script>');
    await r.post('/api/answer', { question: 0, answer: 'Normal', confidence: 'high' }, ada);
    await r.post('/api/answer', { question: 0, answer: 'Normal', confidence: 'low' }, bob);
    await r.post('/api/answer', { question: 1, answer: 'blocked', confidence: 'medium' }, bob);
    const csv = await r.get('/api/instructor/results.csv', instructor);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="class-results.csv"');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe("t1,'=cmd|calc,1,ws-fin-014.runningMode,Normal,no,high,0,'-3");
    expect(lines[2]).toMatch(/^t2,<script>alert\(1\)<\/script>,1,ws-fin-014\.runningMode,Normal,no,low,0,0$/);
    const json = await r.get('/api/instructor/results.json', instructor);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="class-results.json"');
    expect(json.json.summary.mostMissed[0]).toMatchObject({ id: 'ws-fin-014.runningMode', misses: 2, mostChosenWrong: 'Normal' });
  });
});

describe('hostile text', () => {
  it('should keep a <script> name and a scenario full of injections as inert text in every response', async () => {
    const r = await room(hostileScenario());
    const cookie = await r.join('<script>alert(1)</script>');
    const before = await r.get('/api/me', cookie);
    expect(before.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(before.json.name).toBe('<script>alert(1)</script>');
    expect(before.json.scenarios[0].briefing.name).toContain('<script>alert(1)</script>');
    let view: Reply | undefined;
    for (const q of before.json.scenarios[0].questions)
      view = await r.post('/api/answer', { question: q.index, answer: q.choices[0], confidence: 'low' }, cookie);
    const reveals = view?.json.scenarios[0].questions.map((q: { revealHtml: string }) => q.revealHtml).join('\n');
    expect(reveals).toContain('&lt;script&gt;');
    expect(reveals).not.toMatch(/<script|<img|<[a-z][^>]*\son[a-z]+=|href="javascript:|style=/i);
  });
});

describe('--save', () => {
  const folder = mkdtempSync(join(tmpdir(), 'edrsim-class-save-'));

  it('should write the class after every change (mode 0600, no token), and resume it after a restart with nothing lost', async () => {
    const file = join(folder, 'class.json');
    const opened = classSaveFile(file, 'class.json', [], 1 << 20);
    if (!opened.ok) throw new Error('cannot open the save file');
    const first = await room(MODES, { save: opened.value.save });
    const instructor = await first.instructor();
    await first.post('/api/instructor/lock', { question: 2, locked: true }, instructor);
    const cookie = await first.join('Zoë');
    await first.post('/api/hint', { question: 0 }, cookie);
    await first.post('/api/answer', { question: 0, answer: 'Passive Mode', confidence: 'high' }, cookie);
    const before = (await first.get('/api/me', cookie)).text;
    const written = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(written).not.toContain(first.room.instructorUrl.replace(/^.*token=/, ''));
    expect(JSON.parse(written)).toMatchObject({ edrsimClassroom: 1, locked: [expect.stringMatching(/#/)] });
    await first.close();

    const reopened = classSaveFile(file, 'class.json', [], 1 << 20);
    if (!reopened.ok || reopened.value.saved === undefined) throw new Error('the save file does not reopen');
    const second = await room(MODES, { saved: reopened.value.saved, save: reopened.value.save });
    expect((await second.get('/api/me', cookie)).text).toBe(before);
    expect(second.room.instructorUrl).not.toBe(first.room.instructorUrl);
    const view = (await second.get('/api/instructor/class', await second.instructor())).json;
    expect(view.questions[2].locked).toBe(true);
    expect(view.trainees).toEqual([{ name: 'Zoë', answered: 1, correct: 1, points: 2 }]);
  });

  it('should refuse a save file that is not one, with its file, line, column and a hint', () => {
    const file = join(folder, 'bad.json');
    writeFileSync(file, '{\n  "edrsimClassroom": 1,\n  "trainees": [{ "session": "x", "name": "a" }],\n  "locked": []\n}\n');
    const opened = classSaveFile(file, 'bad.json', [], 1 << 20);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.issues[0]).toMatchObject({
      file: 'bad.json',
      line: 3,
      hint: expect.stringContaining('give --save a new file name'),
    });
  });

  it('should refuse to resume a class saved for another course', async () => {
    const other = new (await import('../../engine/server/class-state.ts')).ClassState(buildCourse(MODES));
    other.locked.add(0);
    const saved = other.toSaved();
    await expect(startClassroom({ scenarios: library('scenarios/07-exclusions'), port: 0, saved })).rejects.toBeInstanceOf(
      ClassroomInputError,
    );
  });
});

describe('edrsim classroom, invalid input', () => {
  it('should exit 2 with the usual frame for a bad port, a missing scenario, or a bad save file', async () => {
    const port = await runCli(['classroom', 'scenarios/01-modes', '--port', '99999'], REPO);
    expect([port.code, port.stderr]).toEqual([
      2,
      '✖ --port: must be a whole number from 0 to 65535, got "99999"\n  hint: give --port 8400, or --port 0 for any free port\n1 error\n',
    ]);
    expect((await runCli(['classroom', 'no-such-folder'], REPO)).code).toBe(2);
    const folder = mkdtempSync(join(tmpdir(), 'edrsim-class-cli-'));
    writeFileSync(join(folder, 'class.json'), '[]');
    const saved = await runCli(['classroom', `${REPO}scenarios/01-modes`, '--save', 'class.json'], folder);
    expect(saved.code).toBe(2);
    expect(saved.stderr).toMatch(
      /^✖ class\.json:1:1 \(root\): the class save file: it must be a map\n(.*\n)* {2}hint: give --save a new file name/,
    );
  });
});

describe('edrsim classroom, a whole run', () => {
  it('should print both addresses, then on Ctrl-C save the class and exit 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'edrsim-class-run-'));
    let printed = '';
    let stop = () => undefined as void;
    const stopping = new Promise<void>((done) => (stop = done));
    const result = await runCli(
      ['classroom', `${REPO}scenarios/01-modes/01-passive-without-block-mode.yaml`, '--port', '0', '--save', 'c.json'],
      folder,
      {
        // Ctrl-C once the server is up (the real process waits for SIGINT or SIGTERM).
        stopped: () => stopping,
        out: (text) => {
          printed += text;
          if (text.includes('Press Ctrl-C')) stop();
        },
      },
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'edrsim classroom: class ended, saved in c.json\n' });
    expect(printed).toMatch(
      /^edrsim classroom: 1 scenario\n {2}trainees: {3}http:\/\/127\.0\.0\.1:\d+\/\n {2}instructor: http:\/\/127\.0\.0\.1:\d+\/instructor\?token=[0-9a-f]{64} /,
    );
    expect(statSync(join(folder, 'c.json')).mode & 0o777).toBe(0o600);
  });

  it('should warn on stderr when it binds more than loopback, and print an address other machines can reach', async () => {
    let printed = '';
    let stop = () => undefined as void;
    const stopping = new Promise<void>((done) => (stop = done));
    const result = await runCli(
      ['classroom', `${REPO}scenarios/01-modes/01-passive-without-block-mode.yaml`, '--port', '0', '--host', '0.0.0.0'],
      REPO,
      {
        stopped: () => stopping,
        out: (text) => {
          printed += text;
          if (text.includes('Press Ctrl-C')) stop();
        },
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^⚠ --host 0\.0\.0\.0: other machines on the network can join this class/);
    expect(printed).toMatch(/trainees: {3}http:\/\/\d+\.\d+\.\d+\.\d+:\d+\//);
    expect(printed).not.toContain('0.0.0.0');
  });
});

describe('the classroom server, edge cases', () => {
  it('should refuse a port already in use with a hint, and answer HEAD on a page with headers only', async () => {
    const r = await room(MODES);
    const taken = startClassroom({ scenarios: MODES, port: r.port });
    await expect(taken).rejects.toThrow(ClassroomInputError);
    await expect(taken).rejects.toMatchObject({
      issues: [{ message: expect.stringContaining('the port is in use'), hint: expect.stringContaining('--port 0') }],
    });
    const head = await fetch(`${r.origin}/static/style.css`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, 'text/css; charset=utf-8', '']);
  });

  it('should answer an internal failure 500 with no message, path or stack', async () => {
    const r = await room(MODES, {
      save: () => {
        throw new Error('EACCES: /secret/path/class.json\n    at writeSync (node:fs:1:1)');
      },
    });
    const failed = await r.post('/api/join', { name: 'Ada' });
    expect([failed.status, failed.text]).toEqual([500, '{"error":"internal error"}']);
    // Closing still frees the port, and says the class was not saved.
    await r.close();
    expect(r.logs.at(-1)).toBe('edrsim classroom: the class could not be saved on closing');
    await expect(fetch(r.origin)).rejects.toThrow();
  });

  it('should list the most-missed questions for the instructor with the wrong answer most chosen', async () => {
    const r = await room(MODES);
    const instructor = await r.instructor();
    for (const [name, answer] of [
      ['a', 'Normal'],
      ['b', 'Normal'],
      ['c', 'Not running'],
      ['d', 'Passive Mode'],
    ]) {
      const cookie = await r.join(name ?? '');
      await r.post('/api/answer', { question: 0, answer, confidence: 'medium' }, cookie);
    }
    const view = (await r.get('/api/instructor/class', instructor)).json;
    expect(view.mostMissed[0]).toEqual({ index: 0, text: view.questions[0].text, wrong: 3, answered: 4, commonWrong: 'Normal' });
  });

  it('should refuse a save file that is not even JSON, at its line and column', () => {
    const folder = mkdtempSync(join(tmpdir(), 'edrsim-class-json-'));
    writeFileSync(join(folder, 'c.json'), '{\n  "edrsimClassroom": 1,\n  oops\n}\n');
    const opened = classSaveFile(join(folder, 'c.json'), 'c.json', [], 1 << 20);
    expect(opened.ok ? [] : opened.issues.map((issue) => [issue.file, issue.line])).toContainEqual(['c.json', 3]);
  });
});
