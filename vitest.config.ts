import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    // API tests hash passwords with real argon2 and run on real databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
