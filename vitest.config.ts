import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/library/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // The shipped CLI (scripts/cli.mjs) is built once, before the files that spawn it run in parallel.
    globalSetup: ['tests/cli/build-once.ts']
  }
})
