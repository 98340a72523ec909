#!/usr/bin/env node
// `npm run restore -- FILE [--database NAME]`
// - FILE.tar.gz (a backup of the embedded Postgres): becomes the embedded server's data folder
//   (OCOP_PG_DATA, else the clone's); the current folder is moved aside, never deleted. The embedded
//   server must be stopped. To restore beside it: OCOP_PG_DATA=… OCOP_PG_PORT=… npm run restore -- FILE
// - FILE.dump (pg_dump of a DATABASE_URL database): restored into a NEW database on DATABASE_URL's
//   server (--database NAME, default <database>_restored_<date>); point DATABASE_URL at it afterwards.
import fs from "node:fs"
import { restoreDatabaseUrl, restoreEmbedded } from "./lib/backup.mjs"
import { optionValue, runCommand } from "./lib/command.mjs"

await runCommand("restore", async (say) => {
  const file = process.argv.slice(2).find((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--database")
  if (!file || !fs.existsSync(file)) throw new Error("name a backup file: npm run restore -- FILE (see npm run backup)")
  if (file.endsWith(".tar.gz")) {
    if (process.env.DATABASE_URL)
      throw new Error("this is a backup of the embedded Postgres: unset DATABASE_URL to restore it.")
    const { dataDir, manifest, serverUrl } = await restoreEmbedded({ file, say })
    say(`restored ${manifest.databases.join(", ")} (taken ${manifest.createdAt}) into ${dataDir}`)
    say(`the embedded server (this OCOP_PG_DATA, OCOP_PG_PORT) uses it now: ${serverUrl.replace(/:[^:@/]*@/, ":…@")}`)
  } else {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error("a pg_dump file is restored into DATABASE_URL's server: set DATABASE_URL.")
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, "")
    const database = optionValue("--database") ?? `${new URL(url).pathname.slice(1)}_restored_${day}`
    const { databaseUrl } = await restoreDatabaseUrl({ url, file, database, say })
    say(`restored into ${database}: set DATABASE_URL=${databaseUrl.replace(/:[^:@/]*@/, ":…@")} to use it`)
  }
})
