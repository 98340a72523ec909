#!/usr/bin/env node
// `npm run backup [-- --out FILE]`: the embedded Postgres as a hot physical backup (.tar.gz, every
// database of the server), or DATABASE_URL's database with pg_dump (.dump). See README "Running in
// production" and docs/decisions/015-backup-and-restore.md.
import fs from "node:fs"
import path from "node:path"
import { BACKUP_DIR, backupDatabaseUrl, backupEmbedded } from "./lib/backup.mjs"
import { optionValue, runCommand } from "./lib/command.mjs"

await runCommand("backup", async (say) => {
  const url = process.env.DATABASE_URL
  const stamp = new Date()
    .toISOString()
    .replace(/[:.]/g, "-")
    .replace(/-\d{3}Z$/, "Z")
  const out = path.resolve(
    optionValue("--out") ??
      path.join(
        BACKUP_DIR,
        url ? `ocop-${new URL(url).pathname.slice(1)}-${stamp}.dump` : `ocop-embedded-${stamp}.tar.gz`
      )
  )
  fs.mkdirSync(path.dirname(out), { recursive: true })
  const result = url ? await backupDatabaseUrl({ url, out, say }) : await backupEmbedded({ out, say })
  const size = (fs.statSync(result.file).size / 1024 / 1024).toFixed(1)
  say(`wrote ${result.file} (${size} MB)`)
  say(`restore it with: npm run restore -- ${path.relative(process.cwd(), result.file)}`)
})
