/**
 * A cold load of the built dashboard is a waterfall: its 2.7 MB entry script downloads and runs
 * (≈ 0.6 s of main thread on our 2-core machine) before it asks for anything, then it asks in turn for
 * the feature flags, the page's route chunk, the page's data and the user (bench/admin-browser.mjs
 * prints it). index.html gets a small inline script that, on a full page load, asks for the API
 * answers that page will need and preloads its route chunk while the entry script still downloads and
 * compiles; when the dashboard (or our panel) then asks for the same GET, it gets that answer.
 *
 * The early requests are the page's own, sent with the same session cookie and the admin's locale
 * header (Medusa's reads): nothing the user could not read is fetched, no auth is skipped. An early answer is handed
 * over once, only to a GET of the same address (same origin, path and parameters) with the same
 * locale, only while it is 10 s old, and only when it succeeded; anything else (a refusal, a JWT
 * login whose cookie-less early request failed) goes to the network as before.
 */

/** The dashboard's first reads per page, as its own code writes them (Medusa 2.x dashboard). */
export const EARLY_READS = {
  // Every page: the feature flags (read before the router exists) and the signed-in user.
  all: ["/admin/feature-flags", "/admin/users/me"],
  // A product's page: Medusa's product query (dashboard product-detail loader) and our OCOP panel.
  product: (id: string) => [
    `/admin/products/${id}?fields=*categories,*shipping_profile,-variants`,
    `/admin/ocop/products/${id}`,
  ],
  // Our producers page: its first page of the table (plugins/ocop admin route ocop-producers).
  producers: ["/admin/ocop/producers?limit=20&offset=0"],
}

/** The inline script: `productChunks` are the product page's route chunk and its imports under /app/. */
export function earlyRequestsScript(productChunks: string[]) {
  return `(function () {
  var w = window, orig = w.fetch, early = {}
  if (!orig || !w.URLSearchParams) return
  function key(url) {
    var u = new URL(url, location.href)
    if (u.origin !== location.origin) return ""
    var q = new URLSearchParams(u.search)
    q.sort()
    return u.pathname + "?" + q.toString()
  }
  var locale = ""
  try { locale = localStorage.getItem("medusa_locale") || "" } catch (e) {}
  var path = location.pathname, reads = ${JSON.stringify(EARLY_READS.all)}, chunks = []
  var product = /^\\/app\\/products\\/(prod_[A-Za-z0-9]+)\\/?$/.exec(path)
  if (product) {
    var productReads = ${JSON.stringify(EARLY_READS.product("ID"))}
    reads = reads.concat(productReads.map(function (r) { return r.replace("ID", product[1]) }))
    chunks = ${JSON.stringify(productChunks)}
  } else if (/^\\/app\\/ocop-producers\\/?$/.test(path)) reads = reads.concat(${JSON.stringify(EARLY_READS.producers)})
  reads.forEach(function (r) {
    // Medusa's reads carry the admin's locale as its SDK sends it (product texts depend on it); ours none.
    var l = r.indexOf("/admin/ocop/") === 0 ? "" : locale
    var headers = { accept: "application/json", "content-type": "application/json" }
    if (l) headers["x-medusa-locale"] = l
    early[key(r)] = { at: Date.now(), locale: l, answer: orig(r, { credentials: "include", headers: headers }) }
  })
  chunks.forEach(function (c) {
    var l = document.createElement("link")
    l.rel = "modulepreload"
    l.href = c
    document.head.appendChild(l)
  })
  setTimeout(function () { early = {} }, 10000)
  w.fetch = function (input, init) {
    var isRequest = typeof Request !== "undefined" && input instanceof Request
    var method = ((init && init.method) || (isRequest ? input.method : "GET")).toUpperCase()
    var h = new Headers((init && init.headers) || (isRequest ? input.headers : undefined))
    var k = method === "GET" && !(init && init.body) ? key(isRequest ? input.url : String(input)) : ""
    var hit = k && early[k]
    var args = arguments, self = this
    if (!hit) return orig.apply(self, args)
    delete early[k]
    if (Date.now() - hit.at > 10000 || (h.get("x-medusa-locale") || "") !== hit.locale) return orig.apply(self, args)
    return hit.answer.then(
      function (res) { return res.ok ? res : orig.apply(self, args) },
      function () { return orig.apply(self, args) }
    )
  }
})()`
}

type OutputChunk = {
  type: "chunk"
  fileName: string
  facadeModuleId: string | null
  imports: string[]
  isEntry: boolean
}
type Bundle = Record<string, OutputChunk | { type: "asset"; fileName: string }>

/** The product page's route chunk and the chunks it imports (not the entry, already loading). */
export function productRouteChunks(bundle: Bundle, base = "/app/") {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === "chunk")
  const route = chunks.find((c) => /[\\/]product-detail-[A-Z0-9]+\.mjs$/.test(c.facadeModuleId ?? ""))
  if (!route) return []
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const seen = new Set<string>()
  const visit = (c: OutputChunk) => {
    if (c.isEntry || seen.has(c.fileName)) return
    seen.add(c.fileName)
    for (const name of c.imports) {
      const next = byName.get(name)
      if (next) visit(next)
    }
  }
  visit(route)
  return [...seen].map((f) => base + f)
}

/** The part of a Vite plugin used here (Vite's own types are not the backend's dependency). */
type HtmlPlugin = {
  name: string
  apply: "build"
  transformIndexHtml: {
    order: "post"
    handler(
      html: string,
      ctx: { bundle?: Bundle }
    ): { tag: string; children: string; injectTo: "head-prepend" }[] | undefined
  }
}

/**
 * Vite plugin for `admin.vite` in medusa-config.ts. Only for a dashboard served from the backend's own
 * origin (backendUrl "/"): the dashboard's requests to another origin would never match.
 */
export function earlyAdminRequestsPlugin(backendUrl: string): HtmlPlugin {
  return {
    name: "ocop-admin-early-requests",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        if (backendUrl !== "/") return undefined
        const chunks = ctx.bundle ? productRouteChunks(ctx.bundle) : []
        return [{ tag: "script", children: earlyRequestsScript(chunks), injectTo: "head-prepend" }]
      },
    },
  }
}
