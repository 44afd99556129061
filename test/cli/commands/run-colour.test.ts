// `edrsim run --color/--no-color` (issue 14): the flag beats the environment; files and machine formats never get colour.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const ESC = '\u001b[';

describe('edrsim run --color/--no-color', () => {
  it('should colour the text report with --color where the environment said no, and not with --no-color where it said yes', async () => {
    const forced = await runCli(['run', 'pass.yaml', '--color'], undefined, { colour: false });
    expect(forced.stdout).toContain(`${ESC}32m✔${ESC}0m`);
    const refused = await runCli(['run', 'pass.yaml', '--no-color'], undefined, { colour: true });
    expect(refused.stdout).not.toContain(ESC);
    const environment = await runCli(['run', 'pass.yaml'], undefined, { colour: true });
    expect(environment.stdout).toContain(ESC);
    // Colour is only paint: without it, the same text.
    expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(refused.stdout);
  });

  it('should never colour json, csv or junit, even with --color', async () => {
    for (const format of ['json', 'csv', 'junit']) {
      const result = await runCli(['run', 'records.yaml', '--format', format, '--color'], undefined, { colour: true });
      expect(result.stdout, format).not.toContain(ESC);
    }
  });

  it('should never colour a report written with --out, even with --color', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'edrsim-colour-')), 'report.txt');
    const result = await runCli(['run', 'pass.yaml', '--color', '--out', out], undefined, { colour: true });
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('1 scenario: 1 passed, 0 failed');
    expect(readFileSync(out, 'utf8')).not.toContain(ESC);
  });
});
