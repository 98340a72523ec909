import { defineConfig } from "vitest/config"

// The cluster stage of `npm test` (scripts/cluster-test): one file, one cluster, tests in order.
export default defineConfig({
  test: {
    include: ["cluster-test/**/*.test.mjs"],
    environment: "node",
    testTimeout: 240_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})
