/**
 * Preloaded (node -r) into a measured child when GNU time is missing: writes the process's peak
 * RSS in kB to $TYM_BENCH_RSS_FILE at exit.
 */
import * as fs from 'fs';

const target = process.env.TYM_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      /* the measurement is best effort */
    }
  });
}
