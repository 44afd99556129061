#!/usr/bin/env node
// The edrsim binary. In a clone (engine/ sources beside it) it registers tsx and runs the TypeScript, with `bench`
// from bench/ added, so the engine never imports measurement code. In the installed package (no sources, no
// bench) it runs the JavaScript that `npm pack` compiled into dist/ (the `prepare` script); Node cannot run .ts
// from node_modules.
// Either way commands are imported lazily: only the one that argv names.
import { existsSync } from 'node:fs';

const source = new URL('../engine/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  const { runProcess } = await import(source.href);
  const bench = new URL('../bench/register-bench.ts', import.meta.url).href;
  await runProcess([{ name: 'bench', load: async () => (await import(bench)).registerBench }]);
} else {
  const { runProcess } = await import('../dist/engine/cli/main.js');
  await runProcess();
}
