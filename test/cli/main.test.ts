// The program as a whole: usage errors, --help and --version, schema, and the internal-error exit code (§4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.ts';

const REPO = new URL('../..', import.meta.url).pathname;
const COMMANDS = [
  'run',
  'validate',
  'explain',
  'check-exclusion',
  'schema',
  'doctor',
  'export',
  'diff',
  'coverage',
  'blast-radius',
  'handout',
  'classroom',
] as const;

/** Splits one `$ edrsim …` help line into arguments, honouring single quotes as a POSIX shell does. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

describe('edrsim usage errors', () => {
  it('should exit 2 and name the option for an unknown option', async () => {
    const result = await runCli(['run', 'pass.yaml', '--colour']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--colour'");
    expect(result.stdout).toBe('');
  });

  it('should exit 2 for an unknown command', async () => {
    const result = await runCli(['runn', 'pass.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'runn'");
  });

  it('should exit 2 when a required argument is missing', async () => {
    const result = await runCli(['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'file-or-dir'");
  });

  it('should exit 2 and list the choices for a format that does not exist', async () => {
    const result = await runCli(['run', 'pass.yaml', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are text, json, junit, csv');
  });
});

describe('edrsim internal errors', () => {
  it('should exit 3 with one short line and no stack trace when something unexpected throws', async () => {
    const broken = () => {
      throw new TypeError('stdout is closed\n    at Socket.write (node:net:1:1)');
    };
    const result = await runCli(['run', 'pass.yaml'], undefined, { out: broken });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('edrsim: internal error: stdout is closed\n');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('should exit 3 from any command, e.g. schema, when writing fails', async () => {
    const result = await runCli(['schema'], undefined, {
      out: () => {
        throw new RangeError('EPIPE');
      },
    });
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toEqual(['edrsim: internal error: EPIPE']);
  });
});

describe('edrsim --help and --version', () => {
  it('should print the package version for --version and -V', async () => {
    const { version } = JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('should list every command and examples in the top-level help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(result.stdout).toMatch(/Examples?:\n {2}\$ edrsim /);
  });

  it.each(COMMANDS)('should show examples in `%s --help`', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Usage: edrsim ${command}`);
    expect(result.stdout).toMatch(new RegExp(`Examples?:\\n(  \\$ edrsim ${command} .*\\n?)+`));
  });

  it('should only show help examples that work on the scenario library', async () => {
    const examples: string[][] = [];
    for (const command of ['', ...COMMANDS]) {
      const help = (await runCli(command === '' ? ['--help'] : [command, '--help'])).stdout;
      for (const [, line] of help.matchAll(/^ {2}\$ edrsim (.+)$/gm)) {
        const words = shellWords(line ?? '');
        // Runnable as printed: names files in the library, writes no file, redirects nothing.
        const runnable =
          words.some((word) => word === 'scenarios' || word.startsWith('scenarios/')) &&
          !words.some((w) => w === '--out' || w === '>' || w.endsWith('.txt'));
        if (runnable && words[0] !== 'train') examples.push(words);
      }
    }
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const words of examples) {
      const result = await runCli(words, REPO);
      // 1 would be a failing expectation in the library (the scenario tests' concern); 2 means the example is wrong.
      // Lint warnings (⚠) and notes (ℹ, e.g. how many scenarios -t selected) on stderr are fine; an error is not.
      const errors = result.stderr
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('⚠') && !line.startsWith('ℹ') && !line.startsWith('  '));
      expect({ example: words.join(' '), errors, invalid: result.code >= 2 }).toEqual({
        example: words.join(' '),
        errors: [],
        invalid: false,
      });
    }
  });
});

describe('edrsim schema', () => {
  it('should print a JSON Schema for the scenario format and exit 0', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as {
      $schema: string;
      type: string;
      properties: Record<string, unknown>;
      required?: string[];
    };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'tenant', 'devices', 'fleet', 'exclusions', 'indicators', 'timeline', 'expect']),
    );
  });

  it('should offer an optional name on every kind of expectation', async () => {
    const schema = JSON.parse((await runCli(['schema'])).stdout) as {
      properties: { expect: { items: { anyOf: { properties: Record<string, unknown>; required?: string[] }[] } } };
    };
    const kinds = schema.properties.expect.items.anyOf;
    expect(kinds.length).toBe(8);
    for (const kind of kinds) {
      expect(kind.properties['name']).toMatchObject({ type: 'string', minLength: 1 });
      expect(kind.required ?? []).not.toContain('name');
    }
  });
});
