// Unit and component tests. Deliberately without the Remix Vite plugin, which
// expects to own the whole build and does not run under vitest.
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  esbuild: { jsx: "automatic" },
  test: {
    environment: "happy-dom",
    include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts"],
    server: { deps: { external: ["@medusajs/js-sdk"] } },
  },
});
