import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: e2e and crash tests start browsers and processes; keep the run calm.
    maxWorkers: 2,
  },
});
