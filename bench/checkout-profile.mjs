#!/usr/bin/env node
// Checkout profile (issue 14): what each of the 8 calls of a cash-on-delivery checkout does in the
// database — index and sequential scans, rows written, the tables it touches most —
// and how much of it is the OCOP plugin's own tables (ocop_*: the listing gate at the till, the
// producers' parcels). One sequential client; after each call it waits until Postgres has
// published the call's statistics (pg_stat_user_tables), so calls are not mixed.
//
//   node bench/checkout-profile.mjs [--products N] [--count FLOWS] [--port P]
//   node bench/checkout-profile.mjs --backend http://localhost:9000 --key pk_… --database-url postgres://…
//
// Without --backend it starts `medusa start` on --port (default 9330) against ocop_bench_<N>
// (default: the demo catalogue). Prints a table; records nothing (read the figures into RESULTS.md).
import { createRequire } from "node:module"
import path from "node:path"
import { parseArgs, printUsage } from "./lib/args.mjs"
import { ROOT, assertLocal, publishableKeyFromDatabase, request } from "./lib/harness.mjs"
import { discoverStore, prepareDatabase, startBackend, stopAllAndWait } from "./lib/servers.mjs"

const opts = parseArgs(
  process.argv.slice(2),
  ["--products", "--count", "--port", "--backend", "--key", "--database-url", "--help", "-h"],
  { count: 3, port: 9330 }
)
if (opts.help) {
  printUsage(import.meta.url)
  process.exit(0)
}
const require = createRequire(path.join(ROOT, "backend", "package.json"))
const { Client } = require("pg")

const COUNTERS = ["seq_scan", "idx_scan", "n_tup_ins", "n_tup_upd", "n_tup_del"]

/** Per table: the counters of pg_stat_user_tables, plus the database's committed transactions. */
async function snapshot(db) {
  await db.query("select pg_stat_clear_snapshot()")
  const tables = new Map()
  const { rows } = await db.query(
    `select relname, ${COUNTERS.map((c) => `coalesce(${c}, 0)::bigint as ${c}`).join(", ")} from pg_stat_user_tables`
  )
  for (const r of rows) tables.set(r.relname, Object.fromEntries(COUNTERS.map((c) => [c, Number(r[c])])))
  return { tables }
}

function difference(before, after) {
  const tables = []
  for (const [name, counters] of after.tables) {
    const was = before.tables.get(name) ?? Object.fromEntries(COUNTERS.map((c) => [c, 0]))
    const d = Object.fromEntries(COUNTERS.map((c) => [c, counters[c] - was[c]]))
    if (COUNTERS.some((c) => d[c] > 0)) tables.push({ name, ...d })
  }
  return { tables }
}

/** Waits until the statistics stop moving (Postgres publishes a session's counters within ≈ 1 s). */
async function settled(db) {
  let last = await snapshot(db)
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 600))
    const now = await snapshot(db)
    const moved = difference(last, now)
    if (!moved.tables.length) return now
    last = now
  }
  return last
}

let stopPostgres = async () => {}
async function main() {
  let { backend, key, databaseUrl } = opts
  if (!backend) {
    const db = await prepareDatabase({ products: opts.products })
    stopPostgres = db.stopPostgres
    databaseUrl = db.databaseUrl
    backend = (await startBackend({ databaseUrl, port: opts.port })).url
  }
  assertLocal(backend)
  if (!databaseUrl) throw new Error("--database-url is needed to read the database's statistics.")
  key = key || (await publishableKeyFromDatabase(databaseUrl))
  const store = await discoverStore({ backend, key, databaseUrl })
  const headers = { ...store.headers, "content-type": "application/json" }
  const post = (url, body) => request(`${backend}${url}`, { method: "POST", headers, body: JSON.stringify(body) })
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  const steps = new Map()
  try {
    for (let flow = 0; flow < opts.count; flow++) {
      const product = store.sample.filter((p) => p.variant_id)[flow * 7]
      let cartId
      let collectionId
      const calls = [
        ["create cart", () => post("/store/carts", { region_id: store.regionId, email: "profile@ocop.vn" })],
        ["add item", () => post(`/store/carts/${cartId}/line-items`, { variant_id: product.variant_id, quantity: 1 })],
        [
          "address + email",
          () =>
            post(`/store/carts/${cartId}`, {
              email: "profile@ocop.vn",
              shipping_address: {
                first_name: "An",
                last_name: "Nguyễn",
                address_1: "Số 1 Tràng Tiền",
                city: "Phường Hoàn Kiếm",
                province: "Hà Nội",
                country_code: "vn",
                phone: "0912345678",
              },
            }),
        ],
        ["shipping options", () => request(`${backend}/store/shipping-options?cart_id=${cartId}`, { headers })],
        ["shipping method", (options) => post(`/store/carts/${cartId}/shipping-methods`, { option_id: options })],
        ["payment collection", () => post("/store/payment-collections", { cart_id: cartId })],
        [
          "payment session (COD)",
          () =>
            post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }),
        ],
        ["complete", () => post(`/store/carts/${cartId}/complete`, {})],
      ]
      let optionId
      let before = await settled(db)
      for (const [name, call] of calls) {
        const res = await call(optionId)
        if (!res.ok) throw new Error(`${name} answered ${res.status}: ${res.body.slice(0, 200)}`)
        const body = res.json()
        if (name === "create cart") cartId = body.cart.id
        if (name === "shipping options") optionId = body.shipping_options?.[0]?.id
        if (name === "payment collection") collectionId = body.payment_collection.id
        if (name === "complete" && body.type !== "order") throw new Error("complete did not place an order")
        const after = await settled(db)
        const d = difference(before, after)
        before = after
        const sum = (c, filter = () => true) => d.tables.filter(filter).reduce((s, t) => s + t[c], 0)
        const ocop = (t) => t.name.startsWith("ocop_")
        const entry = steps.get(name) ?? { ms: [], rows: [] }
        entry.ms.push(res.ms)
        entry.rows.push({
          scans: sum("idx_scan") + sum("seq_scan"),
          seq: sum("seq_scan"),
          written: sum("n_tup_ins") + sum("n_tup_upd") + sum("n_tup_del"),
          ocopScans: sum("idx_scan", ocop) + sum("seq_scan", ocop),
          top: d.tables
            .sort((a, b) => b.idx_scan + b.seq_scan - (a.idx_scan + a.seq_scan))
            .slice(0, 4)
            .map((t) => `${t.name} ${t.idx_scan + t.seq_scan}`),
        })
        steps.set(name, entry)
      }
    }
  } finally {
    await db.end()
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  console.log(
    `\n${opts.count} cash-on-delivery checkouts, one client, ${store.listed.toLocaleString("en-US")} listed products\n`
  )
  console.log("| call | p50 ms | table scans (seq) | rows written | of them ocop_* scans | most scanned |")
  console.log("| --- | --- | --- | --- | --- | --- |")
  for (const [name, { ms, rows }] of steps) {
    const m = (k) => median(rows.map((r) => r[k]))
    console.log(
      `| ${name} | ${median(ms).toFixed(0)} | ${m("scans")} (${m("seq")}) | ${m("written")} | ` +
        `${m("ocopScans")} | ${rows[rows.length - 1].top.join(", ")} |`
    )
  }
}

main()
  .then(
    () => 0,
    (error) => {
      console.error(`[bench:checkout-profile] ${error.message}`)
      return 1
    }
  )
  .then(async (code) => {
    await stopAllAndWait()
    await stopPostgres()
    process.exit(code)
  })
