#!/usr/bin/env node
// `npm run lint`: Biome (formatter + linter, config in biome.json) and two ratchets the linter
// cannot express: the number of explicit `any` and of lines over 120 characters may shrink in a
// file but never grow, and a new file starts at zero. The allowances live in lint-baseline.json;
// `npm run lint -- --update` rewrites it after you removed some (it refuses to raise a number).
// Exit code 0 when clean; the last line says how many problems were found.
import fs from "node:fs"
import path from "node:path"
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const BASELINE = path.join(ROOT, "lint-baseline.json")
const MAX_LINE = 120
const update = process.argv.includes("--update")
const biome = path.join(ROOT, "node_modules", ".bin", "biome")
const say = (m) => process.stdout.write(`[lint] ${m}\n`)

function runBiome(args) {
  const result = spawnSync(biome, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (result.error) {
    say(
      `Biome could not run (${result.error.code ?? result.error.message}): run \`npm install\` at the repository root.`
    )
    say("1 problem(s)")
    process.exit(1)
  }
  return result
}

// 1. Formatting and lint errors (warnings such as `any` are counted below, not here).
const check = runBiome(["ci", "--colors=off", "--reporter=summary", "--diagnostic-level=error", "."])
const biomeFailed = check.status !== 0
if (biomeFailed) {
  process.stdout.write(check.stdout + check.stderr)
  say(
    "Biome found formatting or lint errors: run `npx biome check --write .` to fix what it can, then fix the rest by hand."
  )
}

// 2. The ratchets, per file.
const report = JSON.parse(runBiome(["lint", "--reporter=json", "--max-diagnostics=none", "."]).stdout || "{}")
const current = {}
const bump = (file, key) => {
  current[file] ??= { any: 0, longLines: 0 }
  current[file][key] += 1
}
for (const d of report.diagnostics ?? []) {
  if (d.category === "lint/suspicious/noExplicitAny") bump(d.location.path, "any")
}
const tracked = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .stdout.split("\n")
  .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/(^|\/)(migrations|node_modules|build|\.medusa)\//.test(f))
for (const file of tracked) {
  const full = path.join(ROOT, file)
  if (!fs.existsSync(full)) continue
  for (const line of fs.readFileSync(full, "utf8").split("\n")) if (line.length > MAX_LINE) bump(file, "longLines")
}

const baseline = fs.existsSync(BASELINE) ? JSON.parse(fs.readFileSync(BASELINE, "utf8")) : {}
const grown = []
for (const [file, counts] of Object.entries(current)) {
  for (const key of ["any", "longLines"]) {
    const allowed = baseline[file]?.[key] ?? 0
    if (counts[key] > allowed)
      grown.push(
        `${file}: ${counts[key]} ${key === "any" ? "explicit any" : `lines over ${MAX_LINE} characters`} (allowed ${allowed})`
      )
  }
}
const total = (key) => Object.values(current).reduce((n, c) => n + c[key], 0)
const allowedTotal = (key) => Object.values(baseline).reduce((n, c) => n + (c[key] ?? 0), 0)
say(
  `explicit any: ${total("any")} (baseline ${allowedTotal("any")}); lines over ${MAX_LINE}: ${total("longLines")} (baseline ${allowedTotal("longLines")})`
)

if (update) {
  if (grown.length && fs.existsSync(BASELINE)) {
    for (const g of grown) say(`not raising the allowance: ${g}`)
    process.exit(1)
  }
  const next = {}
  for (const file of Object.keys(current).sort()) {
    const c = current[file]
    if (c.any || c.longLines) next[file] = { any: c.any, longLines: c.longLines }
  }
  fs.writeFileSync(BASELINE, `${JSON.stringify(next, null, 2)}\n`)
  say(`lint-baseline.json rewritten (${Object.keys(next).length} files keep an allowance)`)
  process.exit(0)
}

for (const g of grown) say(`grew: ${g} — type it, or shorten the line`)
const problems = grown.length + (biomeFailed ? 1 : 0)
say(problems ? `${problems} problem(s)` : "clean")
process.exit(problems ? 1 : 0)
