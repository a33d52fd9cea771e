// Preloaded (`node --import ./bench/peak-rss.mjs …`) into one extra run of each side of a bench
// case: at exit, writes the process's peak resident set size in kilobytes to $BENCH_PEAK_RSS_FILE.
// Timed runs go without it, so it costs them nothing.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
