#!/usr/bin/env node
// The edrsim binary: registers tsx from this package (so it works from any folder) and runs the CLI with
// the engine's commands plus `bench`, which lives in bench/ so that the engine never imports measurement code.
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import(new URL('../engine/cli/main.ts', import.meta.url).href);
const { registerBench } = await import(new URL('../bench/register-bench.ts', import.meta.url).href);
await runProcess([registerBench]);
