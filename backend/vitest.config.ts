import { defineConfig } from "vitest/config"

// Integration tests boot the whole Medusa app against a real Postgres (one temporary database
// per file, created by @medusajs/test-utils). scripts/test.mjs provides the server and DB_* env.
export default defineConfig({
  test: {
    globals: true,
    include: ["integration-tests/**/*.spec.ts"],
    setupFiles: ["./integration-tests/setup/register.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    reporters: ["default"],
  },
})
