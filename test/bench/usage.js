// Preloaded (node --import) into every timed node process, sample and floor alike: at exit it
// writes the whole process's peak RSS and CPU time to BENCH_USAGE_FILE (no /usr/bin/time needed).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ rssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
