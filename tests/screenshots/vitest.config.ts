import { defineConfig } from 'vitest/config';

/**
 * The README's pictures, apart from `npm test` (whose config includes only *.test.ts): taking them writes into
 * docs/screens, which no test run should do.
 */
export default defineConfig({
  test: {
    include: ['tests/screenshots/**/*.shot.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
