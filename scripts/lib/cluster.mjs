// The local cluster of `npm run cluster` and of the cluster test stage: Medusa's own engines only
// (stateless servers, a worker for subscribers and scheduled jobs, Redis for events, workflows,
// locks and cache, Postgres as the record) behind a real reverse proxy (Debian's nginx).
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ROOT } from "./postgres.mjs"
import { BIN, requirePortFree, startService, stopAll, waitForHttp } from "./processes.mjs"
import { backendSecrets, ensureSecrets, storefrontSecrets } from "./secrets.mjs"
import { LOG_DIR, prepareStack, requireInstalledDependencies } from "./stack.mjs"

const CLUSTER_DIR = path.join(ROOT, ".data", "cluster")

/** Ports from CLUSTER_PORT_BASE (default 0: the proxies on :9000 and :3000, like `npm start`). */
export function clusterPorts(base = Number(process.env.CLUSTER_PORT_BASE || 0)) {
  return {
    backendProxy: 9000 + base,
    servers: [9001 + base, 9002 + base],
    worker: 9009 + base,
    storefrontProxy: 3000 + base,
    storefronts: [3001 + base, 3002 + base],
    redis: 6390 + base,
  }
}

/** Installs a Debian package when its program is missing (as root), without starting its service. */
function ensureDebianProgram(program, pkg, say) {
  if (fs.existsSync(program)) return
  if (process.getuid?.() !== 0)
    throw new Error(`${program} is missing: install it with \`sudo apt-get install -y ${pkg}\` and run again.`)
  say(`installing ${pkg} from Debian's repositories (once) …`)
  // A package's install script would start its system service (nginx on :80): policy-rc.d says no.
  const policy = "/usr/sbin/policy-rc.d"
  const ownPolicy = !fs.existsSync(policy)
  if (ownPolicy) fs.writeFileSync(policy, "#!/bin/sh\nexit 101\n", { mode: 0o755 })
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
    execFileSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" })
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], { env, stdio: "ignore" })
  } catch (error) {
    throw new Error(`Could not install ${pkg} (${error.message.split("\n")[0]}): run \`apt-get install -y ${pkg}\`.`)
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true })
  }
  if (!fs.existsSync(program)) throw new Error(`${pkg} was installed but ${program} is still missing.`)
}

function nginxConfig(ports) {
  const tmp = path.join(CLUSTER_DIR, "nginx")
  const upstream = (name, list) =>
    `  upstream ${name} {\n${list.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join("\n")}\n  }`
  // A request is passed to the other server when this one refuses the connection, times out or
  // answers 502/503 — for POST only when nothing was sent yet (nginx never re-sends a request a
  // server may have acted on: no order is placed twice).
  const proxy = (name) => `    location / {
      proxy_pass http://${name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $req_id;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }`
  return `# Written by scripts/lib/cluster.mjs at every start: edit that file, not this one.
daemon off;
worker_processes 1;
pid ${path.join(tmp, "nginx.pid")};
error_log ${path.join(LOG_DIR, "cluster-nginx-error.log")} warn;
${process.getuid?.() === 0 ? "user root root;" : ""}
events { worker_connections 1024; }
http {
  access_log ${path.join(LOG_DIR, "cluster-nginx-access.log")};
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  client_max_body_size 20m;
  # The storefront's request id goes on to the backend; a request without one gets nginx's.
  map $http_x_request_id $req_id { default $http_x_request_id; "" $request_id; }
${upstream("ocop_backend", ports.servers)}
${upstream("ocop_storefront", ports.storefronts)}
  server {
    listen 127.0.0.1:${ports.backendProxy};
${proxy("ocop_backend")}
  }
  server {
    listen 127.0.0.1:${ports.storefrontProxy};
${proxy("ocop_storefront")}
  }
}
`
}

/**
 * Starts the whole cluster and resolves once every part is ready.
 * @returns {Promise<{ ports, logDir, databaseUrl, publishableKey, stop, killServer, startServer, restartRedis }>}
 */
export async function startCluster({ say, ports = clusterPorts(), database, onUnexpectedExit = () => {} }) {
  requireInstalledDependencies()
  ensureDebianProgram("/usr/bin/redis-server", "redis-server", say)
  ensureDebianProgram("/usr/sbin/nginx", "nginx", say)
  const all = [
    ports.backendProxy,
    ...ports.servers,
    ports.worker,
    ports.storefrontProxy,
    ...ports.storefronts,
    ports.redis,
  ]
  for (const port of all) await requirePortFree(port, `cluster (port ${port})`)
  fs.mkdirSync(path.join(CLUSTER_DIR, "nginx"), { recursive: true })
  fs.mkdirSync(path.join(CLUSTER_DIR, "redis"), { recursive: true })

  const backendUrl = `http://localhost:${ports.backendProxy}`
  const { db, DATABASE_URL, publishableKey } = await prepareStack({ say, backendUrl, database })
  const REDIS_URL = `redis://127.0.0.1:${ports.redis}`
  let stopping = false
  const watch = (child) =>
    child.on("exit", (code, signal) => {
      if (stopping || child.expectedExit) return
      say(`the ${child.serviceName} stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${LOG_DIR}`)
      onUnexpectedExit(child)
    })

  const startRedis = () =>
    watch(
      startService(
        "/usr/bin/redis-server",
        ["--port", String(ports.redis), "--bind", "127.0.0.1", "--dir", path.join(CLUSTER_DIR, "redis")],
        { logFile: path.join(LOG_DIR, "cluster-redis.log"), name: "redis" }
      )
    )
  say(`starting Redis on :${ports.redis} …`)
  let redis = startRedis()

  const backendEnv = {
    DATABASE_URL,
    REDIS_URL,
    ADMIN_DISABLED: "true",
    MEDUSA_BACKEND_URL: backendUrl,
    ...backendSecrets(ensureSecrets()),
  }
  const backends = new Map()
  const startBackend = (name, port, mode) => {
    const child = startService(BIN("medusa"), ["start", "-p", String(port)], {
      cwd: path.join(ROOT, "backend"),
      env: { ...backendEnv, PORT: String(port), MEDUSA_WORKER_MODE: mode, OCOP_SERVER_NAME: name },
      logFile: path.join(LOG_DIR, `cluster-${name}.log`),
      name,
    })
    backends.set(name, child)
    return watch(child)
  }
  say(`starting 2 backend servers (:${ports.servers.join(", :")}) and 1 worker (:${ports.worker}) …`)
  const starting = [
    ...ports.servers.map((port, i) => [startBackend(`server-${i + 1}`, port, "server"), port]),
    [startBackend("worker", ports.worker, "worker"), ports.worker],
  ]
  for (const [child, port] of starting)
    await waitForHttp(`http://localhost:${port}/health`, { child, name: child.serviceName, timeoutMs: 300_000 })

  say(`starting 2 storefront processes (:${ports.storefronts.join(", :")}) …`)
  const storefrontEnv = {
    NODE_ENV: "production",
    ...storefrontSecrets(ensureSecrets()),
    MEDUSA_BACKEND_URL: backendUrl,
    MEDUSA_PUBLISHABLE_KEY: publishableKey,
  }
  const storefronts = ports.storefronts.map((port, i) =>
    watch(
      startService(process.execPath, ["server.mjs"], {
        cwd: path.join(ROOT, "storefront"),
        env: { ...storefrontEnv, PORT: String(port) },
        logFile: path.join(LOG_DIR, `cluster-storefront-${i + 1}.log`),
        name: `storefront-${i + 1}`,
      })
    )
  )

  const conf = path.join(CLUSTER_DIR, "nginx.conf")
  fs.writeFileSync(conf, nginxConfig(ports))
  say(`starting nginx (:${ports.backendProxy} → servers, :${ports.storefrontProxy} → storefronts) …`)
  const nginx = watch(
    startService(
      "/usr/sbin/nginx",
      ["-c", conf, "-p", CLUSTER_DIR, "-e", path.join(LOG_DIR, "cluster-nginx-error.log")],
      {
        logFile: path.join(LOG_DIR, "cluster-nginx.log"),
        name: "nginx",
      }
    )
  )
  for (const [i, child] of storefronts.entries())
    await waitForHttp(`http://localhost:${ports.storefronts[i]}/`, {
      child,
      name: child.serviceName,
      timeoutMs: 90_000,
    })
  await waitForHttp(`http://localhost:${ports.backendProxy}/health`, { child: nginx, name: "nginx" })
  await waitForHttp(`http://localhost:${ports.storefrontProxy}/`, { child: nginx, name: "nginx" })

  /** Stops a process on purpose (the cluster test's failures); `signal` SIGKILL is a crash. */
  const halt = async (child, signal) => {
    child.expectedExit = true
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      process.kill(-child.pid, signal)
    } catch {}
    await exited
  }

  return {
    ports,
    logDir: LOG_DIR,
    databaseUrl: DATABASE_URL,
    publishableKey,
    /** Kills server `index` (0 or 1) as a crash would. */
    killServer: (index) => halt(backends.get(`server-${index + 1}`), "SIGKILL"),
    /** Starts server `index` again and waits until it answers. */
    startServer: async (index) => {
      const child = startBackend(`server-${index + 1}`, ports.servers[index], "server")
      await waitForHttp(`http://localhost:${ports.servers[index]}/health`, { child, name: child.serviceName })
    },
    /** Stops backend `name` (server-1, server-2, worker) cleanly (the benchmark's 1-server phase). */
    stopBackend: (name) => halt(backends.get(name), "SIGTERM"),
    /** Starts backend `name` again in MEDUSA_WORKER_MODE `mode` and waits until it answers. */
    startBackend: async (name, mode) => {
      const port = name === "worker" ? ports.worker : ports.servers[Number(name.split("-")[1]) - 1]
      const child = startBackend(name, port, mode)
      await waitForHttp(`http://localhost:${port}/health`, { child, name, timeoutMs: 300_000 })
    },
    /** The process group of each running part (the benchmark reads their CPU time). */
    processGroups: () => ({
      ...Object.fromEntries(
        [...backends].filter(([, c]) => c.exitCode === null && c.signalCode === null).map(([n, c]) => [n, c.pid])
      ),
      ...Object.fromEntries(storefronts.map((c) => [c.serviceName, c.pid])),
      nginx: nginx.pid,
      redis: redis.pid,
    }),
    /** Stops Redis, waits `downMs`, starts it again. */
    restartRedis: async (downMs = 3000) => {
      await halt(redis, "SIGTERM")
      await new Promise((resolve) => setTimeout(resolve, downMs))
      redis = startRedis()
    },
    serverUrl: db.serverUrl,
    stop: async ({ keepDatabaseServer = false } = {}) => {
      stopping = true
      await stopAll()
      if (!keepDatabaseServer) await db.stop?.().catch(() => {})
    },
  }
}
