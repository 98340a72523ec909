// Admin in a real browser (issue 14: "the product page with the OCOP panel and the producers page at
// 100k load in ≤ 1 s"): what an operator waits for, not only the API calls bench/admin.mjs times.
// Debian's Chromium (playwright-core, CHROMIUM_PATH or /usr/lib/chromium/chromium) opens the BUILT
// Medusa Admin (`medusa build` with the admin, served by a production backend), logs in as the
// seed's demo admin, and times from navigation start until:
//   - product page of a listed OCOP product: Medusa's own product title shows (baseline, same run)
//     and our OCOP panel shows its verdict (listed / not listed);
//   - the OCOP producers page: the dashboard's shell shows (baseline) and our table shows its rows;
// each warm (same browser context: HTTP cache and session kept) and cold (a new context: empty
// cache, same session cookie), interleaved so the machine's load weighs on both alike.
// Then one cold load of each page prints its waterfall: every request, start → end (ms from
// navigation start), bytes over the wire, and the JavaScript the page downloaded; and for every cold
// load, Chromium's main-thread time in JavaScript (compile and run) and in all tasks until it showed.
//
//   node bench/admin-browser.mjs --database-url postgres://… [--count 10] [--port 9300] [--smoke]
//     starts a built backend serving the admin on --port + 8 (building it when stale, ≈ 1 min);
//     BENCH_ADMIN_URL=http://localhost:9000 uses a backend that already serves the built admin.
//   run by bench/run.mjs as "admin-browser" (in --smoke only when a built admin exists or
//   BENCH_ADMIN_URL is given: the admin build is not part of the smoke run's cost).
//
// The operator's password is this clone's generated one (OCOP_DEMO_LOGINS_FILE, default
// .data/demo-logins.json), never a fixed default. The backend runs NODE_ENV=production, so its
// session cookie is Secure: the browser sends X-Forwarded-Proto: https, as the TLS proxy in front
// of a deployment does (deploy/), or the login would not stick over plain http.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ROOT, summarize } from "./lib/harness.mjs"
import { BUILT_ADMIN_INDEX, startBackend } from "./lib/servers.mjs"

const ADMIN_EMAIL = "admin@ocop.vn" // seed/src/store-setup.ts DEMO_ACCOUNTS.admin
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/lib/chromium/chromium"
const PAGE_TIMEOUT_MS = 60000

/** What "shows" means, checked in the page at every DOM change (times: performance.now()). */
const MARKS = {
  // Medusa's product page: its title heading (the dashboard's own query for the product answered).
  title: () => {
    const h = document.querySelector("main h1, h1")
    return !!h && !!h.textContent?.trim() && location.pathname.includes("/products/")
  },
  // Our panel: the listing verdict badge (data-testid; the text for builds before it had one).
  verdict: () =>
    !!document.querySelector('[data-testid="ocop-listing-verdict"]') ||
    /On sale in the OCOP marketplace|Đang bán trên chợ OCOP|Not listed|Không được niêm yết/.test(
      document.body?.textContent ?? ""
    ),
  // The dashboard's shell: its sidebar (Medusa's own JavaScript, session check and layout).
  shell: () => !!document.querySelector('a[href="/app/orders"]'),
  // Our producers page: its table with at least one producer row.
  producers: () =>
    !!document.querySelector('[data-testid="ocop-producers-table"] tbody tr') ||
    (location.pathname.includes("ocop-producers") && !!document.querySelector("table tbody tr")),
}

function markScript() {
  const checks = Object.entries(MARKS)
    .map(([name, fn]) => `${JSON.stringify(name)}: ${fn.toString()}`)
    .join(",\n")
  return `(() => {
    const checks = {${checks}}
    const marks = (window.__ocopMarks = {})
    const check = () => {
      for (const [name, fn] of Object.entries(checks)) {
        if (marks[name] === undefined) { try { if (fn()) marks[name] = performance.now() } catch {} }
      }
    }
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
  })()`
}

function demoAdminPassword() {
  const file = process.env.OCOP_DEMO_LOGINS_FILE || path.join(ROOT, ".data", "demo-logins.json")
  if (!fs.existsSync(file))
    throw new Error(`admin-browser: no demo logins file at ${file} (set OCOP_DEMO_LOGINS_FILE to the seed's file)`)
  return JSON.parse(fs.readFileSync(file, "utf8")).admin
}

async function loadChromium() {
  const { chromium } = await import("playwright-core")
  if (!fs.existsSync(CHROMIUM)) throw new Error(`admin-browser: Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] })
}

const CONTEXT_OPTIONS = {
  locale: "vi-VN",
  viewport: { width: 1280, height: 800 },
  extraHTTPHeaders: { "x-forwarded-proto": "https" },
}

/** Logs in through the admin's own form; returns the session (cookies) for new contexts. */
async function logIn(browser, adminUrl) {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  const page = await context.newPage()
  await page.goto(`${adminUrl}/app/login`, { timeout: PAGE_TIMEOUT_MS })
  await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
  await page.locator('input[name="password"]').fill(demoAdminPassword())
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: PAGE_TIMEOUT_MS })
  await page.locator('a[href="/app/orders"]').first().waitFor({ timeout: PAGE_TIMEOUT_MS })
  const state = await context.storageState()
  await context.close()
  return state
}

/**
 * One navigation to `url`; resolves with the marks `wanted` (ms from navigation start) once all
 * have shown, and the page's resource timings.
 */
async function timeLoad(page, url, wanted, cdp) {
  await page.goto(url, { waitUntil: "commit", timeout: PAGE_TIMEOUT_MS })
  if (page.url().includes("/login")) throw new Error("admin-browser: the session was refused (login page)")
  await page.waitForFunction((names) => names.every((n) => window.__ocopMarks?.[n] !== undefined), wanted, {
    timeout: PAGE_TIMEOUT_MS,
    polling: 50,
  })
  const counters = cdp
    ? Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]))
    : {}
  const load = await page.evaluate(() => ({
    marks: { ...window.__ocopMarks },
    resources: performance.getEntriesByType("resource").map((r) => ({
      name: r.name,
      type: r.initiatorType,
      start: r.startTime,
      end: r.responseEnd,
      transfer: r.transferSize,
      body: r.encodedBodySize,
      decoded: r.decodedBodySize,
    })),
    navigation: (() => {
      const n = performance.getEntriesByType("navigation")[0]
      return n ? { end: n.responseEnd, transfer: n.transferSize } : undefined
    })(),
  }))
  return { ...load, scriptMs: (counters.ScriptDuration ?? 0) * 1000, taskMs: (counters.TaskDuration ?? 0) * 1000 }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

/** The waterfall of one load: requests in start order, API calls and scripts, bytes. */
function waterfall(label, load, adminUrl) {
  const lines = [
    `${label}: marks ${Object.entries(load.marks)
      .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
      .join(", ")}`,
  ]
  const rows = [...load.resources].sort((a, b) => a.start - b.start)
  for (const r of rows) {
    if (/\.(woff2?|ttf)$/.test(r.name)) continue
    const name = r.name.replace(adminUrl, "")
    const shown = name.length > 110 ? `${name.slice(0, 107)}…` : name
    const span = `${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms`
    lines.push(`  ${span}  ${kb(r.transfer).padStart(10)}  ${shown}`)
  }
  const js = rows.filter((r) => /\.m?js(\?|$)/.test(r.name))
  const api = rows.filter((r) => /\/(admin|auth)\//.test(r.name.replace(adminUrl, "")))
  const fonts = rows.filter((r) => /\.(woff2?|ttf)$/.test(r.name))
  lines.push(
    `  JavaScript: ${js.length} files, ${kb(js.reduce((s, r) => s + r.transfer, 0))} over the wire ` +
      `(${kb(js.reduce((s, r) => s + r.decoded, 0))} decoded); API calls: ${api.length}; fonts: ${fonts.length}, ` +
      `${kb(fonts.reduce((s, r) => s + r.transfer, 0))}`
  )
  return lines
}

/** Our extensions' share of the admin build: the files that hold the widget and the routes. */
function extensionBytes() {
  const bundles = ["ocop", "search"].map((p) =>
    path.join(ROOT, "plugins", p, ".medusa", "server", "src", "admin", "index.mjs")
  )
  return bundles
    .filter((f) => fs.existsSync(f))
    .map((f) => `${path.relative(ROOT, f)} ${kb(fs.statSync(f).size)} (before the dashboard's minifier)`)
}

/** BENCH_ADMIN_URL: "http://…" or several labelled builds "before=http://…,after=http://…". */
function adminTargets(value) {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [label, url] = entry.includes("=") ? entry.split(/=(.*)/s) : ["", entry]
      return { label, url: url.replace(/\/$/, "") }
    })
}

export async function run(ctx) {
  let targets = process.env.BENCH_ADMIN_URL ? adminTargets(process.env.BENCH_ADMIN_URL) : []
  if (!targets.length && ctx.smoke && !fs.existsSync(BUILT_ADMIN_INDEX))
    return skipped("no built admin (backend/.medusa/server/public/admin) and no BENCH_ADMIN_URL: skipped")
  let backend
  if (!targets.length) {
    if (!ctx.databaseUrl) throw new Error("admin-browser: needs --database-url (or BENCH_ADMIN_URL)")
    backend = await startBackend({
      databaseUrl: ctx.databaseUrl,
      port: (ctx.port ?? 9300) + 8,
      mode: "built",
      admin: true,
    })
    targets = [{ label: "", url: backend.url }]
  }
  const browser = await loadChromium()
  try {
    return await measure(ctx, browser, targets)
  } finally {
    await browser.close()
    await backend?.stop()
  }
}

function skipped(note) {
  console.log(`[bench] admin-browser: ${note}`)
  return { title: "admin in the browser (skipped)", results: [], notes: [note], skipped: true }
}

async function measure(ctx, browser, targets) {
  const n = ctx.smoke ? 1 : Math.max(5, ctx.count && Number.isFinite(ctx.count) ? ctx.count : 10)
  const productIds = ctx.sample.slice(0, n + 1).map((p) => p.id)
  const samples = {}
  const errors = {}
  const add = (name, ms) => {
    samples[name] ??= []
    samples[name].push({ ms })
  }
  const firstCold = {}
  const mainThread = {}

  for (const target of targets) {
    target.session = await logIn(browser, target.url)
    target.newPage = async () => {
      const context = await browser.newContext({ ...CONTEXT_OPTIONS, storageState: target.session })
      await context.addInitScript(markScript())
      const page = await context.newPage()
      // Chromium's own counters: main-thread time in JavaScript (compile and run) and in all tasks.
      const cdp = await context.newCDPSession(page)
      await cdp.send("Performance.enable")
      return { context, page, cdp }
    }
    target.warm = await target.newPage()
    // Warm-up: the dashboard's JavaScript into this context's cache, the backend's first queries.
    await timeLoad(target.warm.page, `${target.url}/app/products/${productIds[0]}`, ["title", "verdict"])
    await timeLoad(target.warm.page, `${target.url}/app/ocop-producers`, ["shell", "producers"])
  }

  const started = Date.now()
  // Builds and temperatures interleaved load by load: the machine's load weighs on each alike.
  for (let i = 0; i < n; i++) {
    for (const target of targets) {
      const prefix = target.label ? `${target.label}: ` : ""
      for (const temperature of ["warm", "cold"]) {
        const key = `${prefix}${temperature}`
        const opened = []
        const open = async () => {
          if (temperature === "warm") return target.warm
          const fresh = await target.newPage()
          opened.push(fresh)
          return fresh
        }
        try {
          const productTab = await open()
          const product = await timeLoad(
            productTab.page,
            `${target.url}/app/products/${productIds[(i + 1) % productIds.length]}`,
            ["title", "verdict"],
            temperature === "cold" ? productTab.cdp : undefined
          )
          add(`${prefix}product page ${temperature}: Medusa's title (baseline)`, product.marks.title)
          add(`${prefix}product page ${temperature}: OCOP panel verdict`, product.marks.verdict)
          // Cold: the producers page as the first page of another new context.
          const producersTab = await open()
          const producers = await timeLoad(
            producersTab.page,
            `${target.url}/app/ocop-producers`,
            ["shell", "producers"],
            temperature === "cold" ? producersTab.cdp : undefined
          )
          add(`${prefix}producers page ${temperature}: dashboard shell (baseline)`, producers.marks.shell)
          add(`${prefix}producers page ${temperature}: OCOP producers table`, producers.marks.producers)
          if (temperature === "cold") {
            mainThread[`${prefix}product page cold`] ??= { script: [], task: [] }
            mainThread[`${prefix}producers page cold`] ??= { script: [], task: [] }
            for (const [page, load] of [
              ["product", product],
              ["producers", producers],
            ]) {
              mainThread[`${prefix}${page} page cold`].script.push(load.scriptMs)
              mainThread[`${prefix}${page} page cold`].task.push(load.taskMs)
            }
          }
          if (temperature === "cold" && !firstCold[target.label]) firstCold[target.label] = { product, producers }
        } catch (error) {
          errors[key] = (errors[key] ?? 0) + 1
          console.error(`[bench] admin-browser ${key} load ${i}: ${error.message.split("\n")[0]}`)
        } finally {
          for (const o of opened) await o.context.close()
        }
      }
    }
  }
  const wallMs = Date.now() - started
  for (const target of targets) await target.warm.context.close()

  const results = Object.entries(samples).map(([name, s]) => {
    const key = name.replace(/(product|producers) page (warm|cold):.*/, "$2")
    return summarize(name, s, wallMs, errors[key] ?? 0)
  })
  const baseline = {}
  for (const r of results) {
    const base = results.find(
      (b) => b.name.startsWith(r.name.split(":").slice(0, -1).join(":")) && b.name.endsWith("(baseline)")
    )
    if (base) baseline[r.name] = base
  }
  const waterfallLines = []
  for (const target of targets) {
    const cold = firstCold[target.label]
    if (!cold) continue
    const prefix = target.label ? `${target.label}: ` : ""
    waterfallLines.push(
      ...waterfall(`${prefix}cold product page`, cold.product, target.url),
      ...waterfall(`${prefix}cold producers page`, cold.producers, target.url)
    )
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const mainThreadLines = Object.entries(mainThread).map(
    ([name, m]) =>
      `${name}: main thread until shown, p50 of ${m.script.length}: JavaScript ${median(m.script).toFixed(0)} ms, ` +
      `all tasks ${median(m.task).toFixed(0)} ms (Chromium's Performance.getMetrics ScriptDuration / TaskDuration)`
  )
  for (const line of [...mainThreadLines, ...waterfallLines]) console.log(line)
  return {
    title: "admin in the browser (built Medusa Admin: product page with the OCOP panel, producers page)",
    results,
    baseline,
    notes: [
      `ms from navigation start until the element shows (MutationObserver in the page); ${n} load(s) per case, ` +
        "warm = same context (HTTP cache, session), cold = new context (empty cache, same session); " +
        `warm and cold${targets.length > 1 ? " and builds" : ""} interleaved; ` +
        "target ≤ 1 s per page at 100k (issue 14)",
      "baselines, same run: Medusa's own product title on the same page; the dashboard's shell (sidebar) on " +
        "the producers page; ratios = baseline ÷ case (below 1: our part shows after Medusa's)",
      `load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`,
      ...extensionBytes(),
      ...mainThreadLines,
      ...waterfallLines,
    ],
  }
}

// Standalone: node bench/admin-browser.mjs --database-url … [--count N] [--port P] [--smoke]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { runStandalone } = await import("./lib/standalone.mjs")
  await runStandalone(run, import.meta.url)
}
