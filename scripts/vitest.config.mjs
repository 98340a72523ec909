import { defineConfig } from "vitest/config"

// The runner's own tests (scripts/test): they start real Postgres servers, so one file at a time.
export default defineConfig({
  test: {
    include: ["test/**/*.test.mjs", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
