// One hostile scenario through every output format and command: user strings are escaped for the format that carries them.
import { canonicalPath } from '../../engine/core/canonical-path.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseXml } from './parse-xml.ts';
import { runCli, type CliResult } from './run-cli.ts';

const ESC = '\u001b';
const RLO = '\u202e';
/** What a hostile pull request puts into every string: markup, a workflow command, a mention, a formula, a screen clear, a bidi override. */
const HOSTILE = ['<script>alert(1)</script>', '%0A::error::x', '@someone', '=HYPERLINK("http://e")', `${ESC}[2J`, RLO].join(' ');

const NAME = `=N ${HOSTILE}`;
const DEVICE = `@ws ${HOSTILE}`;
const ARTIFACT = `-a1 ${HOSTILE}`;
const THREAT = `T ${HOSTILE}`;
// The JSON loader's backslash lint refuses `\"` and `\u001b` next to a Windows path (issue 11 #2), so the path carries the rest.
const IN_PATH = `<script>alert(1)</script> %0A::error::x @someone =HYPERLINK(1) ${RLO}`;
const PATH = `C:\\Temp\\${IN_PATH}.exe`;
// A technique must be a MITRE id: the hostile one is invalid input, and its error message must be escaped.
const BAD_TECHNIQUE = `K ${HOSTILE}`;

function scenario(technique?: string): string {
  return JSON.stringify(
    {
      name: NAME,
      description: `**Situation.** D ${HOSTILE}\n\n**What to notice.** ${HOSTILE}`,
      tenant: { edrBlockMode: true },
      devices: [{ name: DEVICE, os: 'windows-10', primaryAv: 'non-microsoft', exclusions: { paths: [`D:\\${IN_PATH}\\`] } }],
      timeline: [
        {
          at: '5m',
          artifact: {
            id: ARTIFACT,
            device: DEVICE,
            kind: 'file',
            path: PATH,
            threat: THREAT,
            trigger: 'on-access',
            ...(technique === undefined ? {} : { technique }),
            signals: { primaryAv: 'miss', mdav: 'detect', edr: 'detect' },
          },
        },
      ],
      // One fails, so that its message and reasons are printed too.
      expect: [
        { artifact: ARTIFACT, outcome: 'missed' },
        { device: DEVICE, mode: 'passive', runningMode: 'EDR Block Mode' },
      ],
    },
    null,
    2,
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// The file name itself is hostile too: it is printed in every report.
const FILE = `h ${ESC}[2J ${RLO}.json`;
writeFileSync(join(scratch, FILE), scenario());
const BAD_FILE = `bad ${ESC}[2J ${RLO}.json`;
writeFileSync(join(scratch, BAD_FILE), scenario(BAD_TECHNIQUE));

const cli = (...argv: string[]) => runCli(argv, scratch);

/** Terminal text: no ESC (colour is off in these runs) and no bidi override from the scenario. */
function expectTerminalSafe(result: CliResult): void {
  const text = result.stdout + result.stderr;
  expect(text).not.toContain(ESC);
  expect(text).not.toContain(RLO);
  // The hostile text is still shown, escaped, so the reader sees what the file says.
  expect(text).toContain('\\u001b[2J');
}

describe('hostile strings in terminal output', () => {
  it.each([
    ['run (text)', ['run', FILE]],
    ['run --summary', ['run', FILE, '--summary']],
    ['run --hide-outcomes', ['run', FILE, '--hide-outcomes']],
    ['validate', ['validate', FILE]],
    ['explain --artifact', ['explain', FILE, '--artifact', ARTIFACT]],
    ['explain --device', ['explain', FILE, '--device', DEVICE]],
    ['explain --artifact (unknown id)', ['explain', FILE, '--artifact', `nope${ESC}[2J${RLO}`]],
    ['explain --device (unknown name)', ['explain', FILE, '--device', `nope${ESC}[2J${RLO}`]],
    ['check-exclusion', ['check-exclusion', `D:\\${IN_PATH}\\${ESC}[2J.exe`, '--policy', FILE, '--device', DEVICE]],
    ['check-exclusion (unknown device)', ['check-exclusion', 'C:\\x.exe', '--policy', FILE, '--device', `nope${ESC}[2J${RLO}`]],
    ['train --list-questions', ['train', FILE, '--list-questions']],
    ['an invalid value (error message)', ['validate', BAD_FILE]],
  ])('should escape control and bidi characters: %s', async (_what, argv) => {
    const result = await cli(...argv);
    expect(result.code).toBeLessThan(3);
    expectTerminalSafe(result);
  });

  it('should escape them in a whole training session: setup, questions, reveal and score', async () => {
    const answers = join(scratch, 'answers.json');
    writeFileSync(answers, JSON.stringify({ [FILE]: { [`${ARTIFACT}.outcome`]: 'blocked', [`${DEVICE}.runningMode`]: 3 } }));
    const result = await cli('train', FILE, '--answers', answers);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Total: 2/2 (100 %)');
    expectTerminalSafe(result);
  });

  it('should escape a typed reply echoed back at the keyboard', async () => {
    const replies = [`x${ESC}[2J${RLO}`, '1', '3'];
    const ask = async () => replies.shift() ?? Promise.reject(new Error('closed'));
    const result = await runCli(['train', FILE], scratch, { stdinIsTTY: true, ask });
    expect(result.stdout).toContain('is not one of the choices');
    expectTerminalSafe(result);
  });

  it('should print an answers template whose escaped keys read back as the hostile file and ids', async () => {
    const result = await cli('train', FILE, '--list-questions');
    const template = parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(template)).toEqual([FILE]);
    expect(Object.keys(template[FILE] ?? {})).toEqual([`${ARTIFACT}.outcome`, `${DEVICE}.runningMode`]);
  });

  it('should keep its own colour codes and nothing else', async () => {
    const result = await runCli(['run', FILE], scratch, { colour: true });
    // Every ESC left is a colour (SGR) code that edrsim wrote; the scenario's screen clear is escaped.
    expect(result.stdout.replace(/\u001b\[\d+m/g, '')).not.toContain(ESC);
    expect(result.stdout).toContain('\u001b[31m');
    expect(result.stdout).not.toContain(RLO);
  });
});

describe('hostile strings in data formats', () => {
  it('should write valid JSON that round-trips every string, with invisible characters as \\u escapes', async () => {
    const result = await cli('run', FILE, '--format', 'json');
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain(RLO);
    const document = JSON.parse(result.stdout);
    const [run] = document.scenarios;
    expect(run.name).toBe(NAME);
    expect(run.file).toBe(FILE);
    expect(run.devices[0].name).toBe(DEVICE);
    expect(run.verdicts[0].artifact).toBe(ARTIFACT);
    // The entity is the path as Defender is handed it: Windows turns '/' into '\\' (scenarios/README, paths).
    expect(run.actionCenter[0].entity).toBe(canonicalPath(PATH));
    expect(run.alerts.map((alert: { threat?: string }) => alert.threat)).toContain(THREAT);
  });

  it('should write well-formed XML with markup escaped and control characters dropped', async () => {
    const result = await cli('run', FILE, BAD_FILE, '--format', 'junit');
    expect(result.stdout).not.toContain('<script');
    expect(result.stdout).not.toContain(ESC);
    const root = parseXml(result.stdout);
    const suite = root.children[0];
    expect(suite?.children[0]?.attributes['classname']).toBe(NAME.replace(ESC, ''));
    expect(suite?.children[0]?.attributes['name']).toContain('<script>alert(1)</script>');
    const invalid = root.children.find((s) => s.attributes['name'] === 'invalid input');
    expect(invalid?.children[0]?.attributes['name']).toContain('<script>alert(1)</script>');
  });

  it('should guard every formula cell in CSV with a leading quote, quoted per RFC 4180', async () => {
    const result = await cli('run', FILE, '--format', 'csv');
    const row = result.stdout.split('\r\n')[1] ?? '';
    expect(row).toContain(`"'${DEVICE.replaceAll('"', '""')}"`);
    expect(row).toContain(`"'${ARTIFACT.replaceAll('"', '""')}"`);
    expect(row).toContain(`"'${NAME.replaceAll('"', '""')}"`);
    expect(row).not.toMatch(/(^|,)[=+\-@]/);
  });
});
