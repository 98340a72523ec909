// The benches' one command-line parser. Every option any bench takes is read the same way
// ("--flag value" or "--flag=value"; counts are positive numbers, "100k" = 100000); each script
// says which options it accepts and applies its own defaults:
//   runnerArgs(argv)      bench/run.mjs (starts what it needs unless --backend is given)
//   parseBenchArgs(argv)  a bench run on its own against servers already running
//   parseArgs(argv, names, defaults)  any other script (bench/search-provider.mjs)
import fs from "node:fs"
import { assertLocal } from "./harness.mjs"

// option → [key in the result, kind] (a flag's kind is the value it sets)
const OPTIONS = {
  ...Object.fromEntries(
    ["products", "duration", "count", "concurrency", "queries", "port"].map((k) => [`--${k}`, [k, "number"]])
  ),
  // the spelling of --products ("npm run bench -- --size 100k")
  "--size": ["products", "number"],
  "--stock-count": ["stockCount", "number"],
  "--sql-sample": ["sqlSample", "number"],
  "--clients": ["clients", "list"],
  "--paths": ["paths", "list"],
  "--methods": ["methods", "list"],
  ...Object.fromEntries(["backend", "storefront", "key", "seed"].map((k) => [`--${k}`, [k, "string"]])),
  "--database-url": ["databaseUrl", "string"],
  "--only": ["only", "list"],
  "--smoke": ["smoke", true],
  "--record": ["record", true],
  "--no-record": ["record", false],
  "--help": ["help", true],
  "-h": ["help", true],
}

/** Parses `argv`, accepting only the options named in `accepted`; `defaults` fill what is not given. */
export function parseArgs(argv, accepted, defaults = {}) {
  const out = { ...defaults }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? a.split(/=(.*)/s) : [a, undefined]
    const [key, kind] = (accepted.includes(flag) && OPTIONS[flag]) || []
    if (!key) throw new Error(`Unknown option "${a}" (known: ${accepted.join(", ")}).`)
    const value = () => {
      const v = inline !== undefined ? inline : argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value.`)
      return v
    }
    if (typeof kind === "boolean") out[key] = kind
    else if (kind === "list")
      out[key] = String(value())
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    else if (kind === "string") out[key] = value()
    else {
      const n = Number(String(value()).replace(/k$/i, "000"))
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number.`)
      out[key] = n
    }
  }
  return out
}

const SERVER_OPTIONS = ["--backend", "--storefront", "--key", "--database-url"]
const RUN_OPTIONS = [
  "--products",
  "--size",
  "--duration",
  "--count",
  "--concurrency",
  "--only",
  "--smoke",
  "--no-record",
]

/**
 * bench/run.mjs: no --backend means it starts its own servers (ports 9300/3300, 9310/3310 when
 * smoke); with --port P the storefront listens on P − 6000, so runs given different ports never meet.
 */
export function runnerArgs(argv, benches) {
  const out = parseArgs(argv, [...RUN_OPTIONS, ...SERVER_OPTIONS, "--seed", "--port", "--help", "-h"], {
    only: [],
    smoke: false,
    record: true,
    duration: 20,
    seed: "bench",
    port: 9300,
    storefrontPort: 3300,
  })
  for (const o of out.only)
    if (!benches.includes(o)) throw new Error(`--only: unknown bench "${o}" (known: ${benches.join(", ")}).`)
  if (out.smoke) {
    out.count = out.count ?? 3
    out.duration = Math.min(out.duration, 15)
    out.record = false
    out.products = out.products ?? 100
    out.port = out.port === 9300 ? 9310 : out.port
  }
  out.storefrontPort = out.port - 6000
  return out
}

/**
 * A bench run on its own: servers from the options or BENCH_BACKEND_URL / BENCH_STOREFRONT_URL
 * (default localhost:9000 / :3000), key BENCH_PUBLISHABLE_KEY, database DATABASE_URL; smoke = 5
 * requests per case; `extra` names options a bench adds (e.g. --stock-count).
 */
export function parseBenchArgs(argv = process.argv.slice(2), extra = []) {
  const accepted = [...RUN_OPTIONS, ...SERVER_OPTIONS, "--help", "-h", ...extra]
  const out = parseArgs(argv, accepted, { only: [], smoke: false, record: true })
  if (out.smoke) {
    out.count = out.count ?? 5
    out.duration = out.duration ?? 10
    out.record = false
  }
  out.duration = out.duration ?? 20
  out.backend = out.backend || process.env.BENCH_BACKEND_URL || "http://localhost:9000"
  out.storefront = out.storefront || process.env.BENCH_STOREFRONT_URL || "http://localhost:3000"
  out.key = out.key || process.env.BENCH_PUBLISHABLE_KEY
  out.databaseUrl = out.databaseUrl || process.env.DATABASE_URL
  assertLocal(out.backend)
  assertLocal(out.storefront)
  return out
}

/** Prints a script's leading `//` comment block: its usage. */
export function printUsage(scriptUrl) {
  const lines = fs.readFileSync(new URL(scriptUrl), "utf8").split("\n")
  const usage = lines
    .slice(lines[0].startsWith("#!") ? 1 : 0)
    .filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith("//")))
  console.log(usage.map((l) => l.replace(/^\/\/ ?/, "")).join("\n"))
}
