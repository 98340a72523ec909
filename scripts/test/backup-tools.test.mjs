// Which pg_dump `npm run backup` uses for a DATABASE_URL server: one at least as new as the server,
// else one sentence naming the package (scripts/lib/backup.mjs). Fake binaries stand in for the
// versions this machine does not have (Debian 12 ships 15 only).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { pgTool } from "../lib/backup.mjs"

const saved = { PATH: process.env.PATH, OCOP_PG_BIN: process.env.OCOP_PG_BIN }
const dirs = []
afterEach(() => {
  Object.assign(process.env, saved)
  if (saved.OCOP_PG_BIN === undefined) delete process.env.OCOP_PG_BIN
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function fakeTool(tool, version) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ocop-${tool}-${version}-`))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${version}"\n`, { mode: 0o755 })
  return dir
}

describe("the pg_dump a DATABASE_URL backup uses", () => {
  it("takes one at least as new as the server from OCOP_PG_BIN", () => {
    process.env.OCOP_PG_BIN = fakeTool("pg_dump", "18.1")
    expect(pgTool("pg_dump", 18, () => {}, { install: false })).toBe(path.join(process.env.OCOP_PG_BIN, "pg_dump"))
    expect(pgTool("pg_dump", 16, () => {}, { install: false })).toBe(path.join(process.env.OCOP_PG_BIN, "pg_dump"))
  })

  it("refuses an older one with a sentence naming the package to install", () => {
    process.env.OCOP_PG_BIN = fakeTool("pg_dump", "15.4")
    process.env.PATH = fakeTool("pg_dump", "14.2")
    expect(() => pgTool("pg_dump", 18, () => {}, { install: false })).toThrow(
      /PostgreSQL 18 \(found pg_dump 15, 14.*\): install postgresql-client-18/
    )
  })
})
