import { defineConfig } from 'vitest/config';

// Many tests spawn the built CLI (and draw PDFs); on a busy 2-core machine one can take seconds.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, globalSetup: ['test/support/cache-dir.ts'] },
});
