import path from "node:path"
import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: {
    // Unit tests read the OCOP domain rules from the plugin's sources, so they neither need nor race
    // a `medusa plugin:build` (the seed itself runs against the built plugin inside Medusa).
    alias: [
      {
        find: /^@ocop-marketplace\/ocop\/lib\/(.*)$/,
        replacement: path.resolve(__dirname, "../plugins/ocop/src/lib/$1"),
      },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60000,
  },
})
