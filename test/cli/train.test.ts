/** `edrsim train`, run in-process through main() with a fake Io, on the two fixture scenarios. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../engine/cli/io.ts';
import { main } from '../../engine/cli/main.ts';

const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const FIXTURES = 'test/cli/fixtures/train';
const ONE = `${FIXTURES}/01-block-mode-on-passive.yaml`;
const TWO = `${FIXTURES}/02-switch-off-window.yaml`;
const scratch = mkdtempSync(join(tmpdir(), 'edrsim-train-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Captured {
  io: Io;
  out: () => string;
  err: () => string;
  prompts: string[];
}

/** A fake Io; with `replies`, stdin is a terminal whose trainee types them in order, then closes it. */
function fakeIo(replies?: string[]): Captured {
  let out = '';
  let err = '';
  const prompts: string[] = [];
  const queue = [...(replies ?? [])];
  const ask = async (prompt: string) => {
    prompts.push(prompt);
    const reply = queue.shift();
    if (reply === undefined) throw new Error('stdin closed');
    return reply;
  };
  const io: Io = {
    cwd: root,
    out: (text) => (out += text),
    err: (text) => (err += text),
    colour: false,
    stdinIsTTY: replies !== undefined,
    ...(replies === undefined ? {} : { ask }),
  };
  return { io, out: () => out, err: () => err, prompts };
}

let counter = 0;
function answersFile(text: string): string {
  const file = join(scratch, `answers-${++counter}.yaml`);
  writeFileSync(file, text);
  return file;
}

// The fixtures' teaching facts (T19, §3.1, §3.8, T29, T30, §3.5), written by hand from the scenarios.
const RIGHT_ONE = [
  '  ws-01@5m.runningMode: EDR Block Mode',
  '  a1.outcome: blocked',
  '  a1.detectionStatus: Blocked',
  '  a1.actionCenter: yes',
  '  a2.outcome: detected',
];
const RIGHT_TWO = [
  '  b1.outcome: blocked',
  '  b2.outcome: detected',
  '  b2.detectionStatus: Detected',
  '  ws-02.runningMode: Passive Mode',
];
const answers = (one?: string[], two?: string[]) =>
  [...(one ? [`${ONE}:`, ...one] : []), ...(two ? [`${TWO}:`, ...two] : []), ''].join('\n');

describe('edrsim train --answers', () => {
  it('should score 100 % and exit 0 when every answer is the engine’s', async () => {
    const run = fakeIo();
    const code = await main(['train', FIXTURES, '--answers', answersFile(answers(RIGHT_ONE, RIGHT_TWO))], run.io);
    expect(code).toBe(0);
    expect(run.out()).toContain('Total: 9/9 (100 %) over 2 scenarios');
    expect(run.out()).not.toContain('✘');
    expect(run.err()).toBe('');
  });

  it('should accept choice numbers and words in any case, hyphenated', async () => {
    const one = [
      '  ws-01@5m.runningMode: edr-block-mode',
      '  a1.outcome: 1',
      '  a1.detectionStatus: blocked',
      '  a1.actionCenter: true',
      '  a2.outcome: "2"',
    ];
    const two = ['  b1.outcome: BLOCKED', '  b2.outcome: 2', '  b2.detectionStatus: 3', '  ws-02.runningMode: passive'];
    const run = fakeIo();
    expect(await main(['train', ONE, TWO, '--answers', answersFile(answers(one, two))], run.io)).toBe(0);
    expect(run.out()).toContain('Total: 9/9 (100 %)');
  });

  it('should report a wrong answer with the engine’s answer, the layer-by-layer reasons and the cite (T30)', async () => {
    const two = RIGHT_TWO.map((line) => (line.includes('b2.outcome') ? '  b2.outcome: blocked' : line));
    const run = fakeIo();
    expect(await main(['train', FIXTURES, '--answers', answersFile(answers(RIGHT_ONE, two))], run.io)).toBe(0);
    const out = run.out();
    // The cite is a footnote number; the footnote after the block gives the case and its sources' links.
    expect(out).toMatch(/✘ Q2 outcome: detected — you answered blocked {2}T30 \[\d+\]/);
    expect(out).toMatch(/^ {4}\[\d+\] T30 \(§8\.2 EDR in block mode eligibility and state\)$/m);
    expect(out).toContain('https://learn.microsoft.com/en-us/defender-endpoint/edr-block-mode-faqs');
    const reveal = out.slice(out.indexOf('  artifact b2 on ws-02 at 45m\n'));
    expect(reveal).toMatch(/engine: detected, detection status Detected, Action Center entry: no/);
    expect(reveal).toMatch(/\d\. \[edr-sensor\] .*alert/);
    expect(reveal).toMatch(/\d\. \[edr-block-mode\] EDR in block mode is not switched on/);
    expect(out).toContain('Score for this scenario: 3/4 (75 %)');
    expect(out).toContain('Total: 8/9 (89 %)');
  });

  it('should show the situation before the questions and keep "What to notice" for after the reveal', async () => {
    const run = fakeIo();
    await main(['train', ONE, '--answers', answersFile(answers(RIGHT_ONE))], run.io);
    const out = run.out();
    expect(out.indexOf('Situation. ws-01 runs')).toBeLessThan(out.indexOf('Q1  ws-01@5m.runningMode'));
    expect(out.indexOf('What to notice.')).toBeGreaterThan(out.indexOf('Reveal'));
    // The codes its author wrote (§3.1, §3.8) are listed after it with their titles and Learn links.
    const sources = out.slice(out.indexOf('What to notice.')).split('Score for this scenario')[0] ?? '';
    expect(sources).toMatch(/Sources\n\[1\] §3\.1 .*\n +.*— https:\/\/learn\.microsoft\.com\/\S+\n/);
    expect(sources).toMatch(/\n\[2\] §3\.8 /);
    expect(out).toContain('path exclusions: D:\\Build\\');
    expect(out).toContain(
      'Allowed FileSha256 36a34392a22400870faf438271d0bfb5200b27346a4d5015e61b8e368c0a24bb "Build helper" (all devices)',
    );
    expect(out).toContain('ground truth: primary AV would miss, Defender Antivirus would flag, EDR sensor would flag');
  });

  it('should not say whether a timeline change was applied before the reveal (§3.2)', async () => {
    const run = fakeIo();
    await main(['train', TWO, '--answers', answersFile(answers(undefined, RIGHT_TWO))], run.io);
    const briefing = run.out().slice(0, run.out().indexOf('Predict'));
    expect(briefing).toContain('change requested by dana (security-administrator)');
    expect(briefing).not.toMatch(/applied|refused/);
    expect(briefing).toContain('platform 4.18.2201.10');
  });

  it('should count a question left empty as wrong and say so on stderr', async () => {
    const one = RIGHT_ONE.map((line) => (line.includes('a1.actionCenter') ? '  a1.actionCenter:' : line));
    const run = fakeIo();
    expect(await main(['train', ONE, '--answers', answersFile(answers(one))], run.io)).toBe(0);
    expect(run.out()).toContain('✘ Q4 actionCenter: yes — no answer');
    expect(run.err()).toContain('1 question has no answer and counts as wrong');
  });

  it('should match scenario keys written relative to the answers file', async () => {
    const dir = mkdtempSync(join(scratch, 'rel-'));
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, [`${JSON.stringify(relative(dir, join(root, ONE)))}:`, ...RIGHT_ONE, ''].join('\n'));
    const run = fakeIo();
    expect(await main(['train', ONE, '--answers', file], run.io)).toBe(0);
    expect(run.out()).toContain('Total: 5/5 (100 %)');
  });
});

describe('edrsim train: invalid input', () => {
  it('should exit 2 listing every problem of the answers file at once, with file, line, question id and choices', async () => {
    const text = [
      `${ONE}:`,
      '  a1.outkome: blocked',
      '  a1.detectionStatus: Stopped',
      `${FIXTURES}/03-missing.yaml:`,
      '  x.outcome: blocked',
      `${TWO}:`,
      '  ws-02.runningMode: 7',
      '',
    ].join('\n');
    const file = answersFile(text);
    const run = fakeIo();
    expect(await main(['train', FIXTURES, '--answers', file], run.io)).toBe(2);
    const err = run.err();
    expect(err).toContain(`${file}:2:3 ${ONE}: unknown question id "a1.outkome"`);
    expect(err).toContain('hint: did you mean "a1.outcome"?');
    expect(err).toContain(`${file}:3:23 ${ONE}: a1.detectionStatus: "Stopped" is not one of the choices`);
    expect(err).toContain('expected: 1) Blocked  2) Prevented  3) Detected  4) none');
    expect(err).toContain(`${file}:4:1 ${FIXTURES}/03-missing.yaml: not one of the scenarios of this session`);
    expect(err).toContain(`${TWO}: ws-02.runningMode: 7 is not one of the choices`);
    expect(err).toContain('4 errors');
    expect(run.out()).toBe('');
  });

  it('should exit 2 for an answers file that is not a map of scenarios, or not YAML', async () => {
    for (const text of ['- a1.outcome: blocked\n', 'a: [unclosed\n']) {
      const run = fakeIo();
      expect(await main(['train', ONE, '--answers', answersFile(text)], run.io)).toBe(2);
      expect(run.err()).toMatch(/✖ .*answers-\d+\.yaml/);
    }
  });

  it('should exit 2 with a clear message when stdin is not a terminal and there is no --answers', async () => {
    const run = fakeIo();
    expect(await main(['train', FIXTURES], run.io)).toBe(2);
    expect(run.err()).toContain('standard input is not a terminal');
    expect(run.err()).toContain('--answers FILE');
    expect(run.out()).toBe('');
  });

  it('should exit 2 for an invalid scenario, before asking anything', async () => {
    const bad = join(scratch, 'bad-scenario.yaml');
    writeFileSync(bad, 'name: broken\ndevices:\n  - { name: ws-01, os: windows-12 }\n');
    const run = fakeIo(['1']);
    expect(await main(['train', bad], run.io)).toBe(2);
    expect(run.err()).toContain('windows-12');
    expect(run.prompts).toEqual([]);
  });

  it('should not load the answers file as a scenario when it sits in a folder being trained on', async () => {
    const dir = mkdtempSync(join(scratch, 'folder-'));
    writeFileSync(join(dir, 'one.yaml'), readFileSync(join(root, ONE)));
    const file = join(dir, 'zz-answers.yaml');
    writeFileSync(file, [`${join(dir, 'one.yaml')}:`, ...RIGHT_ONE, ''].join('\n'));
    const run = fakeIo();
    expect(await main(['train', dir, '--answers', file], run.io)).toBe(0);
    expect(run.out()).toContain('Total: 5/5 (100 %) over 1 scenario');
  });
});

describe('edrsim train --report and --list-questions', () => {
  it('should write the score as JSON: per question id, expected, given, correct, cite; and totals', async () => {
    const report = join(scratch, 'score.json');
    const two = RIGHT_TWO.map((line) => (line.includes('b2.detectionStatus') ? '  b2.detectionStatus: Blocked' : line));
    expect(
      await main(['train', FIXTURES, '--answers', answersFile(answers(RIGHT_ONE, two)), '--report', report], fakeIo().io),
    ).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(Object.keys(json)).toEqual(['scenarios', 'total', 'stopped']);
    expect(json.total).toEqual({ correct: 8, total: 9, percent: 89, scenarios: 2 });
    expect(json.stopped).toBe(false);
    expect(json.scenarios.map((s: { file: string; score: unknown }) => [s.file, s.score])).toEqual([
      [ONE, { correct: 5, total: 5, percent: 100 }],
      [TWO, { correct: 3, total: 4, percent: 75 }],
    ]);
    const wrong = json.scenarios[1].questions.find((q: { id: string }) => q.id === 'b2.detectionStatus');
    expect(wrong).toMatchObject({ expected: 'Detected', given: 'Blocked', correct: false, cite: 'T30' });
    expect(Object.keys(wrong)).toEqual(['id', 'question', 'expected', 'given', 'correct', 'cite', 'sources', 'reasons']);
    expect(wrong.sources).toEqual([expect.objectContaining({ source: 'edr-faq', kind: 'page' })]);
    expect(wrong.reasons.some((reason: string) => reason.startsWith('[edr-sensor]'))).toBe(true);
  });

  it('should create the --report folder when it does not exist', async () => {
    const run = fakeIo();
    expect(
      await main(
        ['train', ONE, '--answers', answersFile(answers(RIGHT_ONE)), '--report', join(scratch, 'no/such/dir/r.json')],
        run.io,
      ),
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(scratch, 'no/such/dir/r.json'), 'utf8'))).toMatchObject({
      scenarios: [{ score: { correct: 5, total: 5 } }],
    });
  });

  it('should exit 2 before the session, and leave the file alone, when --report names the answers file', async () => {
    const run = fakeIo();
    const file = answersFile(answers(RIGHT_ONE));
    const before = readFileSync(file, 'utf8');
    expect(await main(['train', ONE, '--answers', file, '--report', file], run.io)).toBe(2);
    expect(run.err()).toContain('is an input of this run');
    expect(run.out()).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('should list the question ids per scenario as an answers file that, filled in, is accepted', async () => {
    const run = fakeIo();
    expect(await main(['train', FIXTURES, '--list-questions'], run.io)).toBe(0);
    const template = run.out();
    const ids = [...template.matchAll(/^ {2}(\S+):/gm)].map((match) => match[1]);
    expect(ids).toEqual([
      'ws-01@5m.runningMode',
      'a1.outcome',
      'a1.detectionStatus',
      'a1.actionCenter',
      'a2.outcome',
      'b1.outcome',
      'b2.outcome',
      'b2.detectionStatus',
      'ws-02.runningMode',
    ]);
    expect(template).toContain('1) blocked  2) detected  3) allowed  4) missed');
    const unanswered = fakeIo();
    expect(await main(['train', FIXTURES, '--answers', answersFile(template)], unanswered.io)).toBe(0);
    expect(unanswered.out()).toContain('Total: 0/9 (0 %)');
    const filled = template.replace(
      /^( {2}(\S+):)/gm,
      (_, key: string, id: string) => `${key} ${id.endsWith('runningMode') ? (id.startsWith('ws-01') ? 3 : 2) : 1}`,
    );
    const run2 = fakeIo();
    expect(await main(['train', FIXTURES, '--answers', answersFile(filled)], run2.io)).toBe(0);
    expect(run2.out()).toContain('Total: 6/9 (67 %)');
  });

  it('should explain answers files, the report and --hide-outcomes handouts in --help', async () => {
    const run = fakeIo();
    expect(await main(['train', '--help'], run.io)).toBe(0);
    for (const text of [
      '--answers <file>',
      '--report <file>',
      '--list-questions',
      'ws-pay-09@25m.runningMode',
      '--hide-outcomes',
      'Exit codes',
      'Examples:',
    ]) {
      expect(run.out()).toContain(text);
    }
  });
});

describe('edrsim train at a terminal', () => {
  it('should ask again after a reply that is not a choice, then score the typed answers', async () => {
    const run = fakeIo(['3', 'blockd', '', 'blocked', '2', 'yes', 'detected']);
    expect(await main(['train', ONE], run.io)).toBe(0);
    expect(run.out()).toContain('"blockd" is not one of the choices: 1) blocked  2) detected  3) allowed  4) missed');
    expect(run.prompts.filter((prompt) => prompt.includes('your answer'))).toHaveLength(7);
    expect(run.out()).toMatch(/✘ Q3 detectionStatus: Blocked — you answered Prevented {2}§3\.1 \[\d+\]/);
    expect(run.out()).toContain('Total: 4/5 (80 %)');
  });

  it('should stop when the input closes, score the finished scenarios and flag the report as stopped', async () => {
    const report = join(scratch, 'stopped.json');
    const replies = ['3', 'blocked', 'Blocked', 'yes', 'detected', '', 'blocked'];
    const run = fakeIo(replies);
    expect(await main(['train', FIXTURES, '--report', report], run.io)).toBe(0);
    expect(run.out()).toContain('Session stopped before the end');
    expect(run.out()).toContain('Total: 5/5 (100 %) over 1 scenario (stopped early)');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.stopped).toBe(true);
    expect(json.scenarios).toHaveLength(1);
  });
});

// Issue 14: the setup and the questions are coloured too, by the same rules as `run` (--color beats the environment).
describe('edrsim train colour', () => {
  const ESC = '\u001b[';
  const plain = (text: string) => text.replace(/\u001b\[\d+m/g, '');

  it('should colour the setup headings and the questions with --color, and only paint: without the codes, the same text', async () => {
    const coloured = fakeIo();
    await main(['train', ONE, '--answers', answersFile(answers(RIGHT_ONE)), '--color'], coloured.io);
    const uncoloured = fakeIo();
    await main(['train', ONE, '--answers', answersFile(answers(RIGHT_ONE)), '--no-color'], { ...uncoloured.io, colour: true });
    expect(coloured.out()).toContain(`${ESC}1mFleet (1 device)${ESC}0m`);
    expect(coloured.out()).toContain(`${ESC}1mTenant${ESC}0m`);
    expect(coloured.out()).toMatch(/\u001b\[36mQ1\u001b\[0m/);
    expect(uncoloured.out()).not.toContain(ESC);
    expect(plain(coloured.out())).toBe(uncoloured.out());
  });

  it('should follow the environment (Io.colour) when no flag is given', async () => {
    const run = fakeIo();
    await main(['train', ONE, '--answers', answersFile(answers(RIGHT_ONE))], { ...run.io, colour: true });
    expect(run.out()).toContain(`${ESC}1mPolicy${ESC}0m`);
  });
});
