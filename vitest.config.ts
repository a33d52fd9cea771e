import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run in-process and write nothing outside temporary directories.
    env: { TZ: 'UTC' },
  },
});
