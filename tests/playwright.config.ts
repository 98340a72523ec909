import { defineConfig } from "@playwright/test"

/**
 * Browser tests against a running storefront (and the real backend behind
 * it). No webServer block: the root test script starts the servers.
 * Chromium comes from Debian (`apt-get install -y chromium`); browsers are
 * not downloaded.
 */
export default defineConfig({
  testDir: "./e2e",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL: process.env.STOREFRONT_URL || "http://localhost:3000",
    locale: "vi-VN",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/lib/chromium/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
})
