import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous for a CI machine of two cores running Chromium, servers and workbooks side by side; a missing
    // element still fails by name after 15 s (the pages' own limit).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
