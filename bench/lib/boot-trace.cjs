// Where a Medusa backend's start-up time goes. Preloaded into `medusa start` by bench/startup.mjs
// (`node --require bench/lib/boot-trace.cjs …`); changes nothing, only times Medusa's own steps
// (node_modules/@medusajs/medusa/dist/loaders/index.js, 2.21.2) and prints one line when the
// server listens:  [boot-trace] {"phases":[[name, ms], …], "require_ms": …, …}
// Phases are wall-clock spans in start order; `require_ms` is the time spent loading code
// (outermost require() calls, any phase), `ts_ms` the part of it spent transpiling TypeScript.
const Module = require("node:module")
const http = require("node:http")
const { performance } = require("node:perf_hooks")

const marks = []
const mark = (name, start) => marks.push([name, Math.round(performance.now() - start), Math.round(start)])
let requireMs = 0
let requireDepth = 0
let tsMs = 0

/** Times an async method of a class prototype or object (once per name). */
function timeMethod(target, method, name) {
  const original = target?.[method]
  if (typeof original !== "function" || original.__bootTraced) return
  const timed = async function (...args) {
    const start = performance.now()
    try {
      const result = await original.apply(this, args)
      if (name === "modules (MedusaAppLoader.load)" && typeof result?.onApplicationStart === "function") {
        const onStart = result.onApplicationStart
        result.onApplicationStart = async (...a) => {
          const s = performance.now()
          try {
            return await onStart(...a)
          } finally {
            mark("onApplicationStart hooks", s)
          }
        }
      }
      return result
    } finally {
      mark(name, start)
    }
  }
  timed.__bootTraced = true
  target[method] = timed
}

const hooks = {
  "@medusajs/framework": (m) => timeMethod(m.MedusaAppLoader?.prototype, "load", "modules (MedusaAppLoader.load)"),
  "@medusajs/framework/links": (m) => timeMethod(m.LinkLoader?.prototype, "load", "link definitions"),
  "@medusajs/framework/workflows": (m) => timeMethod(m.WorkflowLoader?.prototype, "load", "workflows"),
  "@medusajs/framework/subscribers": (m) => timeMethod(m.SubscriberLoader?.prototype, "load", "subscribers"),
  "@medusajs/framework/jobs": (m) => timeMethod(m.JobLoader?.prototype, "load", "jobs"),
  "@medusajs/framework/http": (m) => timeMethod(m.ApiLoader?.prototype, "load", "API routes"),
  "@medusajs/modules-sdk": (m) =>
    timeMethod(m.MedusaModule, "bootstrapAll", "  of which: module services (bootstrapAll)"),
  "ts-node": (m) => {
    const register = m.register
    if (typeof register !== "function" || register.__bootTraced) return
    m.register = function (...args) {
      const service = register.apply(this, args)
      timeTs()
      return service
    }
    m.register.__bootTraced = true
  },
}

// Relative requires of node_modules/@medusajs/medusa/dist/loaders/index.js.
const loaderHooks = {
  "./admin": (m) => timeMethod(m, "default", "admin (dashboard dev server or build)"),
  "./search": (m) => timeMethod(m, "loadSearchIndexes", "search index definitions"),
}

const originalLoad = Module._load
Module._load = function (request, parent, isMain) {
  if (requireDepth > 0) return originalLoad.apply(this, arguments)
  requireDepth++
  const start = performance.now()
  try {
    return originalLoad.apply(this, arguments)
  } finally {
    requireDepth--
    requireMs += performance.now() - start
  }
}
// Hooks run on every require of the hooked ids (cheap: a map lookup), patching once.
const hookedLoad = Module._load
Module._load = function (request, parent) {
  const exported = hookedLoad.apply(this, arguments)
  const fromLoaders = /medusa[/\\]dist[/\\]loaders[/\\]index\.js$/.test(parent?.filename)
  const hook = hooks[request] ?? (fromLoaders && loaderHooks[request])
  if (hook) hook(exported)
  return exported
}

function timeTs() {
  const current = Module._extensions[".ts"]
  if (!current || current.__bootTraced) return
  Module._extensions[".ts"] = function (module, filename) {
    const start = performance.now()
    try {
      return current.call(this, module, filename)
    } finally {
      tsMs += performance.now() - start
    }
  }
  Module._extensions[".ts"].__bootTraced = true
}
timeTs()

const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (...args) {
  this.once("listening", () => {
    timeTs()
    const listening = Math.round(performance.now())
    const phases = marks.sort((a, b) => a[2] - b[2]).map(([name, ms, at]) => [name, ms, at])
    process.stdout.write(
      `[boot-trace] ${JSON.stringify({
        listening_ms: listening,
        require_ms: Math.round(requireMs),
        ts_ms: Math.round(tsMs),
        ts_node: Boolean(Module._extensions[".ts"]),
        node_env: process.env.NODE_ENV ?? null,
        phases,
      })}\n`
    )
  })
  return listen.apply(this, args)
}
