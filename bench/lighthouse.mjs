#!/usr/bin/env node
// Lighthouse mobile (simulated throttling) on the storefront's catalogue pages, each run N times,
// median reported (issue 14: performance ≥ 95, LCP ≤ 1.8 s, CLS 0, accessibility 100).
// Not part of `npm run bench` nor of the test suite's smoke run: one Lighthouse run costs ~15 s of
// CPU, and its figures mean little on a loaded machine (the load average is printed with them).
//
//   node bench/lighthouse.mjs --base http://localhost:3000 [--runs 3] [--pages /,/search?q=mat+ong]
//
// Several storefronts (`--base http://before:3001,http://after:3002`, e.g. a build before and after a
// change on the same backend) are measured in alternation, run by run, so that the machine's load
// weighs on each alike; one table each.
//
// Needs Chromium (CHROME_PATH, default /usr/lib/chromium/chromium) and Lighthouse 12
// (LIGHTHOUSE_BIN, default `lighthouse` on PATH); without either it says so and exits 0.
import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { parseArgs, promisify } from "node:util"

const run = promisify(execFile)
const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    runs: { type: "string", default: "3" },
    pages: { type: "string" },
    product: { type: "string" },
  },
})

const chrome = process.env.CHROME_PATH || "/usr/lib/chromium/chromium"
const lighthouse = process.env.LIGHTHOUSE_BIN || "lighthouse"

async function available() {
  if (!fs.existsSync(chrome)) return `Chromium not found at ${chrome} (set CHROME_PATH)`
  try {
    await run(lighthouse, ["--version"])
  } catch {
    return `Lighthouse not found as ${lighthouse} (set LIGHTHOUSE_BIN, e.g. to node_modules/.bin/lighthouse)`
  }
  return null
}

/** The first product card's page on the home page: a product that exists in this catalogue. */
async function someProductPath(base) {
  const html = await (await fetch(`${base}/`)).text()
  const match = html.match(/href="(\/products\/[^"?#]+)"/)
  return match ? match[1] : null
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function audit(url, dir, i) {
  const out = path.join(dir, `lh-${encodeURIComponent(url)}-${i}.json`)
  await run(
    lighthouse,
    [
      url,
      `--chrome-path=${chrome}`,
      '--chrome-flags="--headless=new --no-sandbox"',
      "--form-factor=mobile",
      "--only-categories=performance,accessibility",
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
    ],
    { maxBuffer: 64 * 1024 * 1024, shell: true }
  )
  const report = JSON.parse(fs.readFileSync(out, "utf8"))
  const a = report.audits
  const lcpItem = a["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcp: a["first-contentful-paint"].numericValue,
    lcp: a["largest-contentful-paint"].numericValue,
    tbt: a["total-blocking-time"].numericValue,
    cls: a["cumulative-layout-shift"].numericValue,
    ttfb: a["server-response-time"]?.numericValue ?? null,
    lcpElement: lcpItem ? `${lcpItem.nodeLabel ?? ""} <${(lcpItem.snippet ?? "").slice(1, 60)}` : "?",
  }
}

/** Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART): one more try, then the run is left out. */
async function auditWithRetry(url, dir, i) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return await audit(url, dir, i)
    } catch (error) {
      const reason = String(error?.stderr || error?.message || error)
        .trim()
        .split("\n")[0]
      console.error(`[lighthouse] ${url} run ${i + 1}, attempt ${attempt} failed: ${reason}`)
    }
  }
  return null
}

async function main() {
  const missing = await available()
  if (missing) {
    console.log(`[lighthouse] skipped: ${missing}`)
    return
  }
  const bases = values.base.split(",").map((b) => b.replace(/\/$/, ""))
  const product = values.product ?? (await someProductPath(bases[0]))
  const pages = values.pages
    ? values.pages.split(",")
    : ["/", "/search?q=mat+ong", ...(product ? [product] : []), "/en", ...(product ? [`/en${product}`] : [])]
  const runs = Math.max(1, Number(values.runs))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"))
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")
  console.log(`load average before: ${load()}; ${runs} run(s) per page and storefront`)
  /** rows[base][page] = results */
  const rows = new Map(bases.map((b) => [b, new Map(pages.map((p) => [p, []]))]))
  for (const page of pages) {
    for (let i = 0; i < runs; i++) {
      for (const base of bases) {
        const result = await auditWithRetry(base + page, dir, i)
        if (result) rows.get(base).get(page).push(result)
      }
    }
  }
  for (const base of bases) {
    console.log(`\n${base}\n`)
    console.log(
      "| page | performance (median; runs) | a11y | FCP ms | LCP ms (median; runs) | TBT ms | CLS | LCP element |"
    )
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (const page of pages) {
      const results = rows.get(base).get(page)
      if (!results.length) {
        console.log(`| \`${page}\` | every run failed | | | | | | |`)
        continue
      }
      const m = (key) => median(results.map((r) => r[key]))
      const all = (key) => results.map((r) => Math.round(r[key])).join(", ")
      const byLcp = [...results].sort((a, b) => a.lcp - b.lcp)[Math.floor(results.length / 2)]
      console.log(
        `| \`${page}\` | ${m("performance")} (${all("performance")}) | ${m("accessibility")} | ` +
          `${Math.round(m("fcp"))} | ${Math.round(m("lcp"))} (${all("lcp")}) | ` +
          `${Math.round(m("tbt"))} | ${m("cls").toFixed(3)} | ${byLcp.lcpElement.replaceAll("|", "/")} |`
      )
    }
  }
  console.log(`\nload average after: ${load()}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
