// Preloaded (`node --import`) into a process that stream-run.ts measures: at exit, write its own peak RSS
// and CPU time to file descriptor 3, which the parent reads. A process killed by out-of-memory writes nothing.
import { writeSync } from 'node:fs';
import { ownPeakRssKib } from './own-peak-rss.js';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(3, JSON.stringify({ maxRssKb: ownPeakRssKib(), cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
