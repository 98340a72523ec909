import fs from "node:fs/promises"
import path from "node:path"

/**
 * V8's explicit compile hint for the dashboard's entry script: with `//# allFunctionsCalledOnLoad`
 * as its first line, Chromium (136 and later) compiles all its functions on a background thread while
 * the file streams in, instead of compiling each one lazily on the main thread at its first call. A
 * cold admin load otherwise spends most of its main-thread time compiling and running this 2.7 MB file
 * (bench/admin-browser.mjs "main thread until shown"), and nearly all of it runs on the first page.
 * Other browsers read it as a comment.
 */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"

type OutputChunk = { type: "chunk"; fileName: string; isEntry: boolean }

/** The part of a Vite plugin used here (Vite's own types are not the backend's dependency). */
type HintPlugin = {
  name: string
  apply: "build"
  enforce: "post"
  writeBundle(options: { dir?: string }, bundle: Record<string, OutputChunk | { type: "asset" }>): Promise<void>
}

/**
 * Vite plugin for `admin.vite` in medusa-config.ts: the hint on the entry chunk only, written into the
 * file once Vite has written it (the minifier drops comments and Vite puts its preload map first).
 */
export function adminCompileHintPlugin(): HintPlugin {
  return {
    name: "ocop-admin-compile-hint",
    apply: "build",
    enforce: "post",
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk" || !chunk.isEntry || !options.dir) continue
        const file = path.join(options.dir, chunk.fileName)
        const code = await fs.readFile(file, "utf8")
        if (!code.startsWith(COMPILE_HINT)) await fs.writeFile(file, COMPILE_HINT + code)
      }
    },
  }
}
