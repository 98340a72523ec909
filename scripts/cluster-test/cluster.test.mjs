/**
 * The production topology shown working together (issue 15): `npm run cluster`'s Redis, two backend
 * servers, one worker, two storefront processes and nginx, on a throwaway database, each test
 * through the proxy the way shoppers and officers reach it.
 *
 * Stated times (deadlines of a poll, not speed targets): a revoked certificate leaves search and the
 * product pages of the other server within FRESHNESS_DEADLINE_MS; after Redis comes back the
 * cluster is ready again within RECOVERY_DEADLINE_MS. What each run measured is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { execFile } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import net from "node:net"
import path from "node:path"
import { promisify } from "node:util"
import { fileURLToPath } from "node:url"
import { cases as benchCases } from "../../bench/lib/cluster-cases.mjs"
import { clusterPorts, startCluster } from "../lib/cluster.mjs"
import { ROOT, dropDatabase, embeddedDataDir, withDatabase } from "../lib/postgres.mjs"
import { BIN, startService, waitForHttp } from "../lib/processes.mjs"
import { backendSecrets, ensureSecrets } from "../lib/secrets.mjs"
import { SHOPPER_ADDRESS } from "../../tests/support/shopper-address"

const require = createRequire(import.meta.url)
const FRESHNESS_DEADLINE_MS = 10_000
const RECOVERY_DEADLINE_MS = 60_000
// A throwaway database: its demo logins get the test runner's known passwords (seed/src/demo-logins.ts).
process.env.OCOP_DEMO_LOGINS_FILE = fileURLToPath(new URL("../../tests/support/demo-logins.json", import.meta.url))
const ADMIN = {
  email: "admin@ocop.vn",
  password: JSON.parse(fs.readFileSync(process.env.OCOP_DEMO_LOGINS_FILE, "utf8")).admin,
}
const database = `ocop_cluster_${process.pid}`
const say = (m) => process.stdout.write(`[cluster-test] ${m}\n`)

let cluster
let api // the backend proxy
let storeHeaders
let adminHeaders
let regionId

async function call(base, path, { method = "GET", body, headers = {} } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let data
  try {
    data = JSON.parse(text)
  } catch {
    data = text
  }
  return {
    status: res.status,
    data,
    servedBy: res.headers.get("x-served-by"),
    requestId: res.headers.get("x-request-id"),
  }
}

async function must(promise, what) {
  const r = await promise
  if (r.status >= 400) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.data).slice(0, 300)}`)
  return r
}

/** The operator revokes a certificate through one server (`base`); the answer says which one served it. */
const revokeCertification = (base, certificationId, reason, what) =>
  must(
    call(base, `/admin/ocop/certifications/${certificationId}/revoke`, {
      method: "POST",
      headers: adminHeaders,
      body: { reason },
    }),
    what
  )

async function eventually(check, deadlineMs, what) {
  const started = Date.now()
  let last
  while (Date.now() - started < deadlineMs) {
    try {
      if (await check()) return Date.now() - started
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${what} did not happen within ${deadlineMs} ms${last ? ` (last error: ${last.message})` : ""}`)
}

async function sql(text, params = []) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: cluster.databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

/** Listed products with a variant and their current approved certificate. */
async function listedProducts(count) {
  return sql(
    `select l.product_id, l.certification_id, p.title, p.handle, v.id as variant_id
       from ocop_product_listing l
       join product p on p.id = l.product_id and p.deleted_at is null
       join lateral (select id from product_variant where product_id = p.id and deleted_at is null limit 1) v on true
      where l.listed order by p.handle limit $1`,
    [count]
  )
}

/** A cart through the proxy, ready to complete (address, every shipping method it needs, cash on delivery). */
async function readyCart(variantId, log = []) {
  const step = async (promise, what) => {
    const r = await must(promise, what)
    log.push(r.servedBy)
    return r
  }
  const cart = await step(
    call(api, "/store/carts", { method: "POST", body: { region_id: regionId }, headers: storeHeaders }),
    "create cart"
  )
  const cartId = cart.data.cart.id
  await step(
    call(api, `/store/carts/${cartId}/line-items`, {
      method: "POST",
      body: { variant_id: variantId, quantity: 1 },
      headers: storeHeaders,
    }),
    "add to cart"
  )
  await step(
    call(api, `/store/carts/${cartId}`, {
      method: "POST",
      headers: storeHeaders,
      body: {
        email: "khach.cluster@ocop.test",
        shipping_address: SHOPPER_ADDRESS,
      },
    }),
    "address"
  )
  const options = await step(
    call(api, `/store/shipping-options?cart_id=${cartId}`, { headers: storeHeaders }),
    "shipping options"
  )
  // One delivery per producer's parcel (decision 007): the standard option of each.
  for (const option of options.data.shipping_options.filter((o) => o.type?.code === "standard"))
    await step(
      call(api, `/store/carts/${cartId}/shipping-methods`, {
        method: "POST",
        headers: storeHeaders,
        body: { option_id: option.id },
      }),
      "shipping method"
    )
  const collection = await step(
    call(api, "/store/payment-collections", { method: "POST", body: { cart_id: cartId }, headers: storeHeaders }),
    "payment collection"
  )
  await step(
    call(api, `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, {
      method: "POST",
      headers: storeHeaders,
      body: { provider_id: "pp_system_default" },
    }),
    "payment session"
  )
  return cartId
}

const ordersOfCart = async (cartId) =>
  (await sql("select count(*)::int as n from order_cart where cart_id = $1 and deleted_at is null", [cartId]))[0].n

beforeAll(async () => {
  const ports = clusterPorts(Number(process.env.CLUSTER_PORT_BASE || 700))
  cluster = await startCluster({
    say,
    ports,
    database,
    onUnexpectedExit: (child) => say(`unexpected exit of ${child.serviceName}`),
  })
  api = `http://localhost:${ports.backendProxy}`
  storeHeaders = { "x-publishable-api-key": cluster.publishableKey }
  const login = await must(call(api, "/auth/user/emailpass", { method: "POST", body: ADMIN }), "admin login")
  adminHeaders = { authorization: `Bearer ${login.data.token}` }
  const regions = await must(call(api, "/store/regions", { headers: storeHeaders }), "regions")
  regionId = regions.data.regions[0].id
}, 900_000)

afterAll(async () => {
  await cluster?.stop({ keepDatabaseServer: true })
  if (cluster) await dropDatabase(cluster.serverUrl, database).catch(() => {})
  await cluster?.stop()
}, 120_000)

describe("the local cluster", () => {
  it("is ready on every server: database, Redis and the search index, each checked", async () => {
    for (const port of cluster.ports.servers) {
      // /health answers at once; ready waits for the server's in-process search index (loaded at boot)
      let ready
      await eventually(
        async () => {
          ready = await call(`http://localhost:${port}`, "/health/ready")
          if (ready.status === 503) expect(ready.data.checks.search_index.ok).toBe(false)
          return ready.status === 200
        },
        RECOVERY_DEADLINE_MS,
        `server :${port} ready`
      )
      expect(Object.keys(ready.data.checks).sort()).toEqual(["database", "redis", "search_index"])
      expect(ready.data.checks.search_index.detail).toBe("built; in-process index loaded")
    }
    const worker = await call(`http://localhost:${cluster.ports.worker}`, "/health")
    expect(worker.status).toBe(200)
  })

  it("passes a shopper's checkout through the proxy, its requests answered by both servers, one order", async () => {
    const [product] = await listedProducts(1)
    const servedBy = []
    const cartId = await readyCart(product.variant_id, servedBy)
    const done = await must(
      call(api, `/store/carts/${cartId}/complete`, { method: "POST", headers: storeHeaders }),
      "complete"
    )
    servedBy.push(done.servedBy)
    expect(done.data.type).toBe("order")
    say(`one cart's ${servedBy.length} requests were answered by: ${servedBy.join(", ")}`)
    expect(new Set(servedBy)).toEqual(new Set(["server-1", "server-2"]))
    expect(await ordersOfCart(cartId)).toBe(1)
    // And the storefront tier answers through its proxy, a request id coming back.
    const home = await fetch(`http://localhost:${cluster.ports.storefrontProxy}/`)
    expect(home.status).toBe(200)
  })

  it("takes a certificate revoked on server 1 out of server 2's search and product pages, no reindex", async () => {
    const [, product] = await listedProducts(2)
    const serverA = `http://localhost:${cluster.ports.servers[0]}`
    const serverB = `http://localhost:${cluster.ports.servers[1]}`
    const inSearch = async () => {
      const r = await must(
        call(serverB, `/store/ocop/search?q=${encodeURIComponent(product.title)}&limit=50`, { headers: storeHeaders }),
        "search"
      )
      return r.data.hits.some((hit) => hit.id === product.product_id)
    }
    const onPage = async () =>
      (await call(serverB, `/store/products/${product.product_id}?region_id=${regionId}`, { headers: storeHeaders }))
        .status === 200
    expect(await inSearch()).toBe(true)
    expect(await onPage()).toBe(true)

    const revoked = await revokeCertification(
      serverA,
      product.certification_id,
      "Kiểm tra cụm máy chủ: thu hồi thử",
      "revoke"
    )
    expect(revoked.servedBy).toBe("server-1")
    const pageMs = await eventually(
      async () => !(await onPage()),
      FRESHNESS_DEADLINE_MS,
      "leaving server 2's product page"
    )
    const searchMs = await eventually(
      async () => !(await inSearch()),
      FRESHNESS_DEADLINE_MS,
      "leaving server 2's search"
    )
    say(
      `revoked on server-1: gone from server-2's product page after ${pageMs} ms, from its search after ${searchMs} ms`
    )

    // Each server's metrics, read on its own port (never through the proxy): the revoke counted where it ran.
    const metrics = await call(serverA, "/metrics")
    expect(metrics.status).toBe(200)
    expect(metrics.data).toMatch(/ocop_listing_changes_total\{change="delisted",server="server-1"\} [1-9]/)
    // Route patterns, never ids, as labels: the revoke is the decision route's POST.
    const decisions = /_count\{[^}]*method="POST",route="\/admin\/ocop\/certifications\/:id\/:action",status="200"/
    expect(metrics.data).toMatch(decisions)
    expect((await call(serverB, "/metrics")).data).toMatch(/route="\/store\/ocop\/search",status="200"/)
    expect((await call(api, "/metrics")).status).toBe(404)
  })

  it("warns of and expires each certificate once, however many servers run the expiry at the same moment", async () => {
    const [, , warned, expired] = await listedProducts(4)
    await sql(
      `update ocop_certification set expires_at = now() + interval '10 days', expiry_warning_sent_at = null
        where id = $1`,
      [warned.certification_id]
    )
    await sql(`update ocop_certification set expires_at = now() - interval '1 minute' where id = $1`, [
      expired.certification_id,
    ])
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(`http://localhost:${cluster.ports.servers[i % 2]}`, "/admin/ocop/jobs/expire-certifications", {
          method: "POST",
          headers: adminHeaders,
        })
      )
    )
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill(200))
    const events = await sql(
      `select entity_id, action, count(*)::int as n from ocop_audit_event
        where entity_id = any($1) and action in ('expiry_warning', 'expire')
        group by entity_id, action order by action`,
      [[warned.certification_id, expired.certification_id]]
    )
    expect(events).toEqual([
      { entity_id: expired.certification_id, action: "expire", n: 1 },
      { entity_id: warned.certification_id, action: "expiry_warning", n: 1 },
    ])
  })

  it("answers through the proxy while a server is killed mid-traffic, losing or doubling no order", async () => {
    const products = await listedProducts(12)
    const carts = []
    for (const p of products.slice(4, 10)) carts.push(await readyCart(p.variant_id))
    const reads = []
    let reading = true
    const readLoop = (async () => {
      for (let i = 0; reading; i++) {
        const p = products[i % products.length]
        reads.push(
          await call(api, `/store/products/${p.product_id}?region_id=${regionId}&fields=id,title`, {
            headers: storeHeaders,
          })
        )
      }
    })()
    const completions = carts.map(async (cartId, i) => {
      await new Promise((r) => setTimeout(r, i * 150))
      // A shopper whose request failed presses the button again (completing a cart twice gives its
      // one order); a completion cut off with its server holds the cart's lock until it expires.
      const tries = []
      for (let attempt = 1; attempt <= 10; attempt++) {
        const r = await call(api, `/store/carts/${cartId}/complete`, { method: "POST", headers: storeHeaders }).catch(
          (error) => ({ status: `network (${error.message})`, data: null })
        )
        tries.push(r.status)
        if (typeof r.status === "number" && r.status < 300) return { cartId, tries, ok: true }
        await new Promise((res) => setTimeout(res, 4000))
      }
      return { cartId, tries, ok: false }
    })
    try {
      await new Promise((r) => setTimeout(r, 300))
      await cluster.killServer(0)
      const outcomes = await Promise.all(completions)
      await new Promise((r) => setTimeout(r, 1500))
      reading = false
      await readLoop
      const failedReads = reads.filter((r) => r.status !== 200)
      say(
        `with server-1 killed: ${reads.length} product reads (${failedReads.length} failed); ` +
          `each cart's completion attempts: ${outcomes.map((o) => o.tries.join("→")).join("; ")}`
      )
      expect(failedReads.map((r) => r.status)).toEqual([])
      expect(outcomes.filter((o) => !o.ok)).toEqual([])
      for (const cartId of carts) expect(await ordersOfCart(cartId), cartId).toBe(1)
    } finally {
      reading = false
      await readLoop.catch(() => {})
      await cluster.startServer(0)
    }
  })

  it("recovers by itself when Redis restarts mid-traffic, and says what failed meanwhile", async () => {
    const [, , , , , , , , , , , product] = await listedProducts(12)
    const outcomes = []
    let running = true
    const traffic = (async () => {
      while (running) {
        const r = await call(api, `/store/ocop/search?q=${encodeURIComponent(product.title)}`, {
          headers: storeHeaders,
        })
        outcomes.push(r.status)
        await new Promise((res) => setTimeout(res, 100))
      }
    })()
    await cluster.restartRedis(3000)
    const recoveredMs = await eventually(
      async () => {
        for (const port of cluster.ports.servers) {
          const ready = await call(`http://localhost:${port}`, "/health/ready")
          if (ready.status !== 200) return false
        }
        return true
      },
      RECOVERY_DEADLINE_MS,
      "both servers ready again"
    )
    running = false
    await traffic
    const failed = outcomes.filter((s) => s !== 200)
    say(
      `Redis down 3 s: ${outcomes.length} searches, ${failed.length} failed ` +
        `(${[...new Set(failed)].join(", ") || "none"}); ready again ${recoveredMs} ms after Redis came back`
    )
    // Events flow again: a revoke after the restart reaches search (through the worker's subscriber).
    const revoked = await revokeCertification(
      api,
      product.certification_id,
      "Kiểm tra sau khi Redis khởi động lại",
      "revoke after the Redis restart"
    )
    expect(revoked.status).toBe(200)
    await eventually(
      async () => {
        const r = await call(api, `/store/ocop/search?q=${encodeURIComponent(product.title)}&limit=50`, {
          headers: storeHeaders,
        })
        return r.status === 200 && !r.data.hits.some((hit) => hit.id === product.product_id)
      },
      RECOVERY_DEADLINE_MS,
      "the revoke reaching search after the Redis restart"
    )
  })

  // The smoke run of bench/cluster.mjs (its full run is by hand: it restarts servers between phases).
  it("answers each request of the cluster benchmark through the proxies", async () => {
    const sample = (await listedProducts(5)).map((p) => ({
      id: p.product_id,
      handle: p.handle,
      variant_id: p.variant_id,
    }))
    const web = `http://localhost:${cluster.ports.storefrontProxy}`
    for (const benchCase of benchCases({ api, web, headers: storeHeaders, regionId, sample }))
      for (let i = 0; i < 3; i++) {
        const r = await benchCase.run(i)
        expect(r.ok, `${benchCase.name}: ${r.status} ${String(r.body).slice(0, 200)}`).toBe(true)
      }
  })

  // Last: a hot backup of the running cluster's database server, restored beside it as a new server
  // with a backend of its own, which must serve the same catalogue as the cluster.
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    "restores `npm run backup` of the embedded server into a new one that serves the same catalogue",
    async () => {
      // Beside the embedded data folder: as root, Postgres runs as the postgres OS user, which can reach it.
      const dir = fs.mkdtempSync(path.join(path.dirname(embeddedDataDir()), "restore-test-"))
      fs.chmodSync(dir, 0o755)
      const archive = path.join(dir, "backup.tar.gz")
      const node = (script, env = {}) =>
        promisify(execFile)(process.execPath, [path.join(ROOT, "scripts", script), ...(env.args ?? [])], {
          cwd: ROOT,
          env: { ...process.env, ...env.vars },
        })
      try {
        await node("backup.mjs", { args: ["--out", archive] })
        const restored = { OCOP_PG_DATA: path.join(dir, "postgres"), OCOP_PG_PORT: String(await freePort()) }
        const { stdout } = await node("restore.mjs", { args: [archive], vars: restored })
        say(stdout.trim().split("\n").pop())

        const postgres = startService(
          process.execPath,
          ["-e", "import('./scripts/lib/postgres.mjs').then((m) => m.ensurePostgres())"],
          { env: restored, logFile: path.join(cluster.logDir, "restore-test-postgres.log"), name: "restored postgres" }
        )
        const password = fs.readFileSync(path.join(dir, "postgres-password"), "utf8").trim()
        const restoredUrl = withDatabase(`postgres://postgres:${password}@localhost:${restored.OCOP_PG_PORT}`, database)
        const port = await freePort()
        const backend = startService(BIN("medusa"), ["start", "-p", String(port)], {
          cwd: path.join(ROOT, "backend"),
          env: {
            DATABASE_URL: restoredUrl,
            ADMIN_DISABLED: "true",
            MEDUSA_WORKER_MODE: "server",
            OCOP_SERVER_NAME: "restored",
            ...backendSecrets(ensureSecrets()),
          },
          logFile: path.join(cluster.logDir, "restore-test-backend.log"),
          name: "restored backend",
        })
        try {
          await waitForHttp(`http://localhost:${port}/health`, {
            child: backend,
            name: "restored backend",
            timeoutMs: 300_000,
          })
          const copy = `http://localhost:${port}`
          const [original, fromBackup] = [await catalogue(api), await catalogue(copy)]
          expect(fromBackup.length).toBeGreaterThan(0)
          expect(fromBackup).toEqual(original)
          const [product] = await listedProducts(1)
          const search = async (base) =>
            (
              await must(
                call(base, `/store/ocop/search?q=${encodeURIComponent(product.title)}&limit=20`, {
                  headers: storeHeaders,
                }),
                "search"
              )
            ).data.hits.map((hit) => hit.id)
          const hits = await search(copy)
          expect(hits).toContain(product.product_id)
          expect(hits).toEqual(await search(api))
          say(`restored server serves the same ${fromBackup.length} products and the same search hits`)
        } finally {
          for (const child of [backend, postgres]) {
            const exited = new Promise((resolve) => child.once("exit", resolve))
            child.expectedExit = true
            try {
              process.kill(-child.pid, "SIGTERM")
            } catch {}
            await exited
          }
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  )
})

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Every product the store lists (id, handle, title, price), in one order. */
async function catalogue(base) {
  const products = []
  for (let offset = 0; ; offset += 100) {
    const page = await must(
      call(
        base,
        `/store/products?limit=100&offset=${offset}&order=handle&region_id=${regionId}` +
          "&fields=id,handle,title,*variants.calculated_price",
        { headers: storeHeaders }
      ),
      "product list"
    )
    for (const p of page.data.products)
      products.push([p.id, p.handle, p.title, p.variants.map((v) => v.calculated_price?.calculated_amount)])
    if (offset + 100 >= page.data.count) return products
  }
}
