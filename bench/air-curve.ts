/** The one-device AIR curve: CPU ms of `runScenario` per count, `npx tsx bench/air-curve.ts 2000 32000 128000 200000`. */
import { POLICY_LOAD_OPTIONS, runScenario } from '../engine/run-scenario.ts';
import { loadScenario } from '../engine/scenario/load-scenario.ts';

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

for (const count of process.argv.slice(2).map(Number)) {
  const loaded = loadScenario(scenario(count), `one-${count}.yaml`, POLICY_LOAD_OPTIONS);
  if (!loaded.ok) throw new Error(`one-${count}.yaml: ${loaded.issues[0]?.message}`);
  const start = process.cpuUsage();
  runScenario(loaded.value);
  const used = process.cpuUsage(start);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(JSON.stringify({ count, cpuMs: Math.round(cpuMs), rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
}
