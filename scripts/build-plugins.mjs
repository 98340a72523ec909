#!/usr/bin/env node
// Runs after `npm install`: the backend loads local plugins from their built output.
import { buildPluginsIfStale } from "./lib/processes.mjs"
buildPluginsIfStale((m) => process.stdout.write(`[plugins] ${m}\n`)).catch((error) => {
  process.stderr.write(`[plugins] ${error.message}\n`)
  process.exit(1)
})
