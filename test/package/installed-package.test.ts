// The package as a policy repository gets it: `npm pack`, `npm i -D ./edrsim-x.y.z.tgz` offline, then the binary, the API and its types.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, type PackedInstall } from '../../bench/packed-install.ts';
import { engineCommands } from '../../engine/cli/commands/index.ts';
import { runCli, type CliResult } from '../cli/run-cli.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'scenarios/01-modes/02-passive-with-block-mode.yaml';
const ENGINE_COMMANDS = engineCommands().map((entry) => entry.name);

let installed: PackedInstall;
// One pack and install for the whole file: tsc and npm are most of its time.
beforeAll(() => {
  installed = packAndInstall(REPO);
  mkdirSync(join(installed.folder, 'policies'));
  copyFileSync(join(REPO, SCENARIO), join(installed.folder, 'policies', 'block-mode.yaml'));
}, 300_000);
// rxjs alone is a few thousand files: on a loaded machine removing them outlasts the default 10 s hook timeout.
afterAll(() => installed?.remove(), 120_000);

/** Runs a command in the policy repository (default: the installed binary through its `node_modules/.bin` link). */
function inFolder(command: string, args: readonly string[]): CliResult {
  const child = spawnSync(command, args, {
    cwd: installed.folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}
const edrsim = (...args: string[]): CliResult => inFolder(join(installed.folder, 'node_modules', '.bin', 'edrsim'), args);

describe('the packed package', () => {
  it('should ship compiled JavaScript with types and the binary, and no sources, tests or bench', () => {
    const root = join(installed.folder, 'node_modules', 'edrsim');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' });
    expect(files).toEqual(
      expect.arrayContaining(['bin/edrsim.js', 'dist/engine/index.js', 'dist/engine/index.d.ts', 'package.json']),
    );
    // The classroom's pages are not TypeScript: the build copies them beside the compiled server, which reads them there.
    expect(files).toEqual(
      expect.arrayContaining(
        ['index.html', 'instructor.html', 'page.js', 'trainee.js', 'instructor.js', 'style.css', 'favicon.svg'].map(
          (name) => `dist/engine/server/static/${name}`,
        ),
      ),
    );
    expect(files.filter((file) => /^(engine|bench|test|scenarios)\//.test(file) || /(?<!\.d)\.ts$/.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installed.folder, 'package.json'), 'utf8')) as Record<string, object>;
    expect(manifest['devDependencies']).toEqual({ edrsim: `file:${installed.tarball}` });
  });

  it('should answer `npx --no-install edrsim --version` in the policy repository', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(inFolder('npx', ['--no-install', 'edrsim', '--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it("should list the engine's commands and not bench, which stays in the clone", () => {
    const help = edrsim('--help');
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((match) => match[1]);
    expect(listed.filter((name) => name !== 'help')).toEqual(ENGINE_COMMANDS.filter((name) => name !== 'help'));
    expect(edrsim('bench', '--quick').stderr).toContain("unknown command 'bench'");
  });

  it.each(ENGINE_COMMANDS)('should print the same `%s --help` as the clone', async (command) => {
    const fromClone = await runCli([command, '--help'], installed.folder);
    expect(edrsim(command, '--help')).toEqual({ ...fromClone, code: 0 });
  });
});

describe('the installed binary on the policy repository', () => {
  it('should validate the folder of scenarios, naming the file relative to the folder', () => {
    const result = edrsim('validate', 'policies');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ policies\/block-mode\.yaml: Passive mode with EDR in block mode/);
    expect(result.stdout).toContain('1 valid, 0 invalid, 0 warnings');
  });

  it('should run it with the same JSON report as the clone, and write JUnit with --out', async () => {
    const json = edrsim('run', 'policies', '--format', 'json');
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await runCli(['run', 'policies', '--format', 'json'], installed.folder)).stdout);
    expect(edrsim('run', 'policies', '--format', 'junit', '--out', 'reports/junit.xml')).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(readFileSync(join(installed.folder, 'reports', 'junit.xml'), 'utf8')).toContain('<testsuites ');
  });

  it('should diff two policies of the folder with the same report as the clone, and exit 1 when the change weakens protection', async () => {
    writeFileSync(join(installed.folder, 'policies', 'before.txt'), 'ExclusionPath : {C:\\Build\\}\n');
    writeFileSync(join(installed.folder, 'policies', 'after.txt'), 'ExclusionPath : {C:\\Build\\, D:\\Tools\\}\n');
    const args = ['diff', 'policies/before.txt', 'policies/after.txt', 'policies', '--generate', '2000', '--format', 'json'];
    const diff = edrsim(...args);
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout)).toMatchObject({ label: 'weaker' });
    expect(diff.stdout).toBe((await runCli(args, installed.folder)).stdout);
  });

  it('should ask for scenario files when classroom is started with none: the package ships no course', () => {
    expect(edrsim('classroom', '--port', '0')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '✖ scenarios: none given, and this install has no course folder (the package ships no scenarios)\n' +
        '  hint: pass scenario files or folders: edrsim classroom my-course/\n1 error\n',
    });
  });

  it('should print the JSON Schema that the clone prints', async () => {
    const schema = edrsim('schema');
    expect(schema.code).toBe(0);
    expect(schema.stdout).toBe((await runCli(['schema'], installed.folder)).stdout);
  });
});

describe('the installed library', () => {
  it("should import as 'edrsim' and run a scenario through runScenarioFile", () => {
    const script = `import { runScenarioFile } from 'edrsim';
const run = runScenarioFile('policies/block-mode.yaml');
console.log(run.ok ? [...run.value.namedVerdicts.values()].map((verdict) => verdict.outcome + ' by ' + verdict.by).join() : 'invalid');`;
    const result = inFolder(process.execPath, ['--input-type=module', '-e', script]);
    expect(result).toMatchObject({ code: 0, stdout: 'blocked by edr-block-mode\n' });
  });

  it('should give TypeScript users the real types (a wrong one is an error, not any)', () => {
    writeFileSync(
      join(installed.folder, 'use.ts'),
      `import { runScenarioFile, type ScenarioReport } from 'edrsim';
const run = runScenarioFile('policies/block-mode.yaml');
export const report: ScenarioReport | undefined = run.ok ? run.value : undefined;
// @ts-expect-error a report is not a number: this line errs only if the types are real
export const wrong: number = report;
`,
    );
    const options = { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [] };
    writeFileSync(join(installed.folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['use.ts'] }));
    const result = inFolder(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
