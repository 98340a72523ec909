#!/usr/bin/env node
// npm run seed [-- --products N] [--seed S] [--no-demo] [--quiet] [--skip-migrate]
//
// 1. gets a database server (DATABASE_URL, else the embedded Postgres) via scripts/lib/postgres.mjs
//    and creates the database if it is missing;
// 2. runs Medusa's migrations when the database has none (or is behind: `medusa db:migrate` is cheap to
//    re-run, so it is always run unless --skip-migrate);
// 3. runs seed/src/main.ts inside Medusa (`medusa exec` from backend/), passing options as JSON in
//    OCOP_SEED_OPTIONS (medusa exec accepts only positional arguments).
// Exits non-zero with one sentence on failure.
import { spawn } from "node:child_process"
import path from "node:path"
import fs from "node:fs"
import os from "node:os"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(here, "../..")
const BACKEND = path.join(ROOT, "backend")
const MAIN = path.relative(BACKEND, path.join(ROOT, "seed", "src", "main.ts"))

const HELP = `Usage: npm run seed [-- options]

Seeds the OCOP Marketplace database: store setup (region Việt Nam, VND, cash on delivery, the
"Chợ OCOP" marketplace channel and its publishable key, warehouse and shipping options), demo
accounts and the demo catalogue (81 real OCOP products). Safe to run again: it adds only what is
missing.

Options:
  --products N     also generate N synthetic products (100..200000) with bulk inserts
  --seed S         seed for the generator (default "ocop"): same seed, same catalogue
  --no-demo        skip the demo catalogue (store setup and accounts are always ensured)
  --no-images      generated products get no artwork files (saves ≈ 4 KB of disk per product)
  --skip-migrate   do not run \`medusa db:migrate\` first
  --quiet          no progress bar
  --help           this text

Environment: DATABASE_URL (postgres://user:pass@host:port/db) to use that database; otherwise the
embedded Postgres with database "ocop_marketplace". MEDUSA_BACKEND_URL (default
http://localhost:9000) is the base of the generated image URLs.`

export function parseSeedArgs(argv) {
  const opts = {
    products: undefined,
    seed: undefined,
    noDemo: false,
    noImages: false,
    quiet: false,
    skipMigrate: false,
    help: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? a.split(/=(.*)/s) : [a, undefined]
    const value = () => {
      const v = inline !== undefined ? inline : argv[++i]
      if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value.`)
      return v
    }
    switch (flag) {
      case "--products": {
        const raw = value()
        const n = Number(raw.replace(/[_,]/g, "").replace(/k$/i, "000"))
        if (!Number.isInteger(n) || n < 100 || n > 200000)
          throw new Error(`--products must be a whole number from 100 to 200000, not "${raw}".`)
        opts.products = n
        break
      }
      case "--seed":
        opts.seed = value()
        break
      case "--no-demo":
        opts.noDemo = true
        break
      case "--no-images":
        opts.noImages = true
        break
      case "--quiet":
        opts.quiet = true
        break
      case "--skip-migrate":
        opts.skipMigrate = true
        break
      case "--help":
      case "-h":
        opts.help = true
        break
      default:
        throw new Error(`Unknown option "${a}" (try --help).`)
    }
  }
  return opts
}

const subscriberErrors = { count: 0, first: "", hidden: 0 }

function run(cmd, args, env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: BACKEND, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => {
      const text = d.toString()
      out += text
      if (!quiet) {
        // Keep our own lines and errors; Medusa's boot chatter ("info: ...") stays out of the way.
        for (const line of text.split("\n")) {
          if (!line.trim()) continue
          // The search index rebuild after a bulk seed reports its progress through Medusa's logger.
          const search = line.replace(/\x1b\[[0-9;]*m/g, "").match(/\[Search\] (.*)$/)
          if (search) {
            process.stdout.write(`[seed] search index: ${search[1]}\n`)
            continue
          }
          if (/^\S*\[?\d*m?info\S*:/.test(line) || /\binfo\b.*:\s{2,}/.test(line)) continue
          if (/warn\S*:\s+Local Event Bus/.test(line) || /^npm warn/.test(line)) continue
          // Errors that other plugins' event subscribers log while the seed emits events (e.g. a
          // search index that is not built yet) are counted and summarised, not streamed with stacks.
          const plain = line.replace(/\x1b\[[0-9;]*m/g, "")
          if (/An error occurred while processing/.test(plain)) {
            subscriberErrors.count++
            continue
          }
          if (
            subscriberErrors.count &&
            (/^\s+at /.test(plain) ||
              /^\s*(__isMedusaError|type:|code:|date:|[{}])/.test(plain) ||
              /^(error:\s+)?(MedusaError: )?Search index/.test(plain.trim()))
          ) {
            if (!subscriberErrors.first && /Search index|Error/.test(plain))
              subscriberErrors.first = plain.replace(/^error:\s*/, "").trim()
            continue
          }
          process.stdout.write(line + "\n")
        }
      }
    })
    child.stderr.on("data", (d) => {
      const text = d.toString()
      err += text
      // Progress bars and errors pass through (chunks kept whole so "\r" redraws work); npm's noise does not.
      if (!quiet) {
        const kept = text.split(/(?<=\n)/).filter((l) => {
          if (/^npm warn/.test(l)) return false
          if (l.includes("\r")) return true // progress bar redraws
          const plain = l.replace(/\x1b\[[0-9;]*m/g, "")
          // Stack dumps of subscriber errors (see stdout filter); the full text is kept in the log file.
          if (
            /^\s+at /.test(plain) ||
            /^\s*(__isMedusaError|type|code|date):/.test(plain) ||
            /^\}\s*$/.test(plain) ||
            /^MedusaError: Search index/.test(plain)
          ) {
            subscriberErrors.hidden++
            return false
          }
          return true
        })
        process.stderr.write(kept.join(""))
      }
    })
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve({ code, signal, out, err }))
  })
}

async function main() {
  const opts = parseSeedArgs(process.argv.slice(2))
  if (opts.help) {
    console.log(HELP)
    return 0
  }
  const { ensurePostgres, ensureDatabaseExists, withDatabase } = await import(
    path.join(ROOT, "scripts/lib/postgres.mjs")
  )
  const started = Date.now()
  const pg = await ensurePostgres()
  try {
    const created = await ensureDatabaseExists(pg.serverUrl, pg.database)
    const databaseUrl = process.env.DATABASE_URL || withDatabase(pg.serverUrl, pg.database)
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ADMIN_DISABLED: process.env.ADMIN_DISABLED ?? "true",
      FORCE_COLOR: "0",
      OCOP_SEED_TTY: process.stderr.isTTY ? "1" : (process.env.OCOP_SEED_TTY ?? ""),
      // The demo logins' generated passwords (seed/src/demo-logins.ts), beside the clone's data.
      OCOP_DEMO_LOGINS_FILE: process.env.OCOP_DEMO_LOGINS_FILE || path.join(ROOT, ".data", "demo-logins.json"),
    }
    const where = `${new URL(databaseUrl).host}/${pg.database}`
    console.log(`[seed] database ${where}${created ? " (new)" : ""}`)

    if (!opts.skipMigrate) {
      const t = Date.now()
      console.log("[seed] running Medusa migrations…")
      const m = await run("npx", ["medusa", "db:migrate"], env, { quiet: true })
      if (m.code !== 0) {
        const reason = (m.out + m.err)
          .replace(/\x1b\[[0-9;]*m/g, "")
          .split("\n")
          .filter((l) => /error/i.test(l))
          .slice(-2)
          .join(" ")
          .replace(/\s+/g, " ")
          .trim()
        throw new Error(
          `Medusa migrations failed on ${where}${reason ? `: ${reason}` : ""} (run \`cd backend && DATABASE_URL=${databaseUrl} npx medusa db:migrate\` to see the full output).`
        )
      }
      console.log(`[seed] migrations are up to date (${((Date.now() - t) / 1000).toFixed(1)} s)`)
    }

    const seedEnv = {
      ...env,
      OCOP_SEED_OPTIONS: JSON.stringify({
        products: opts.products,
        seed: opts.seed,
        noDemo: opts.noDemo,
        noImages: opts.noImages,
        quiet: opts.quiet,
      }),
    }
    const r = await run("npx", ["medusa", "exec", MAIN], seedEnv)
    const failed = r.code !== 0 || /Error running script/.test(r.out)
    if (failed) {
      const strip = (l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim()
      const lines = r.out.split("\n").map(strip)
      const scriptError = lines.find((l) => /Error running script/.test(l))
      const anyError = lines.find((l) => /^error:/i.test(l))
      const errLines = r.err
        .split("\n")
        .map(strip)
        .filter((l) => l && !/^npm warn/.test(l))
      const detail = scriptError
        ? scriptError.replace(/^.*Error running script:\s*/, "")
        : anyError
          ? anyError.replace(/^error:\s*/i, "")
          : errLines.pop() || `exit code ${r.code}`
      throw new Error(`The seed script failed inside Medusa: ${detail}`)
    }
    if (subscriberErrors.count || subscriberErrors.hidden) {
      const logFile = path.join(os.tmpdir(), `ocop-seed-${Date.now()}.log`)
      fs.writeFileSync(logFile, r.out + r.err)
      console.log(
        `[seed] note: other plugins' event subscribers logged ${subscriberErrors.count} error(s) while the seed ran (first: ${subscriberErrors.first || "see log"}); the seed itself succeeded. Full Medusa output: ${logFile}`
      )
    }
    console.log(`[seed] finished in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return 0
  } finally {
    await pg.stop()
  }
}

const isMain = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`[seed] ${error.message}\n`)
      process.exit(1)
    }
  )
}
