/** The process's own peak resident set, KiB (own-peak-rss.js). */
export function ownPeakRssKib(): number;
