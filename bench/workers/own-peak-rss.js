// The process's own peak resident set, KiB: one home for the bench's parent (measure.ts) and its preloaded
// children (report-usage.js), which cannot load TypeScript.
import { readFileSync } from 'node:fs';

/**
 * `VmHWM` of /proc/self/status, KiB: this process's own high-water mark. `resourceUsage().maxRSS` is not one on
 * Linux: a forked child starts as a copy of its parent, and the kernel keeps that copy's RSS as the child's
 * maxRSS across exec, so a child forked by a 300 MB bench reported 300 MB however little it used (found
 * 2026-12-06, issue 13's thirteenth pass). Where there is no such file (not Linux), maxRSS is the only figure.
 *
 * @example
 * ownPeakRssKib(); // 154112
 */
export function ownPeakRssKib() {
  let status;
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    return process.resourceUsage().maxRSS;
  }
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match === null ? process.resourceUsage().maxRSS : Number(match[1]);
}
