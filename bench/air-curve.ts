/** The one-device AIR curve: CPU ms of `runScenarioFile` per count, `npx tsx bench/air-curve.ts 2000 32000 128000 200000`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenarioFile } from '../engine/run-scenario.ts';

// One windows-11 device with a non-Microsoft primary AV, block mode on, AIR on, half malicious and half PUA within an
// hour: every PUA's action waits on Pending (T76), so one investigation stays open and takes every later alert.
const scenario = (count: number) => `name: AIR on one device, ${count} artifacts
seed: 42
tenant: { air: true, edrBlockMode: true }
devices:
  - { name: pc-1, os: windows-11, primaryAv: non-microsoft }
timeline:
  - at: 0m
    generate: { count: ${count}, devices: all, window: 1h, mix: { malicious: 0.5, pua: 0.5, benign: 0 } }
`;

const dir = mkdtempSync(join(tmpdir(), 'air-curve-'));
try {
  for (const count of process.argv.slice(2).map(Number)) {
    const file = join(dir, `one-${count}.yaml`);
    writeFileSync(file, scenario(count));
    const start = process.cpuUsage();
    const run = runScenarioFile(file);
    const used = process.cpuUsage(start);
    if (!run.ok) throw new Error(`${file}: ${run.issues[0]?.message}`);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(JSON.stringify({ count, cpuMs: Math.round(cpuMs), rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
