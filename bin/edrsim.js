#!/usr/bin/env node
// The edrsim binary: registers tsx from this package (so it works from any folder) and runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import(new URL('../engine/cli/main.ts', import.meta.url).href);
await runProcess();
