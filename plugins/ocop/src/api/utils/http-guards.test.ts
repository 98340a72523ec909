import { afterAll, beforeAll, describe, expect, it } from "vitest"
import express from "express"
import qs from "qs"
import type { AddressInfo } from "node:net"
import type { Server } from "node:http"
import { answerWithinTimeLimit } from "./response-time-limit"
import { guardRequest } from "./request-guard"
import { ocopErrorHandler } from "./error-handler"

// The guards as Express runs them (Medusa's HTTP layer is Express 4), with a route that never answers.
let server: Server
let base = ""
let lateWriteError: unknown = "not yet"

beforeAll(async () => {
  process.env.HTTP_RESPONSE_TIMEOUT_SECONDS = "0.3"
  const app = express()
  // Medusa parses queries like this (loaders/api.js): arrays of any length, so `a[999999]=x` is a sparse array.
  app.set("query parser", (str: string) => qs.parse(str, { arrayLimit: Infinity }))
  app.use(express.json())
  app.use("/*", answerWithinTimeLimit as any, guardRequest as any)
  app.get("/never", (_req, res) => {
    // Answers long after the limit: the late write must be dropped, not crash the process.
    setTimeout(() => {
      try {
        res.json({ late: true })
        lateWriteError = null
      } catch (e) {
        lateWriteError = e
      }
    }, 600)
  })
  app.all("/echo/:id", (req, res) => res.json({ id: req.params.id, query: req.query, body: req.body }))
  app.use(ocopErrorHandler() as any)
  server = app.listen(0)
  await new Promise((r) => server.once("listening", r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  delete process.env.HTTP_RESPONSE_TIMEOUT_SECONDS
  await new Promise((r) => server.close(r))
})

describe("response time limit", () => {
  it("answers 503 with Retry-After when the handler never answers, and drops its late answer", async () => {
    const res = await fetch(`${base}/never`)
    expect(res.status).toBe(503)
    expect(res.headers.get("retry-after")).toBe("5")
    expect((await res.json()).message).toMatch(
      /Máy chủ chưa trả lời kịp.*EN: The server did not answer within 0.3 seconds/
    )
    const deadline = Date.now() + 5000
    while (lateWriteError === "not yet" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(lateWriteError).not.toBe("not yet")
    expect(server.listening).toBe(true)
  })
})

describe("request guard", () => {
  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body })

  it("passes well-formed requests through", async () => {
    const res = await fetch(`${base}/echo/ocert_1?q=${encodeURIComponent("nước mắm")}`)
    expect(res.status).toBe(200)
    expect((await res.json()).query.q).toBe("nước mắm")
  })
  it("answers 400 naming the field for NUL characters and lone surrogates in query and body", async () => {
    let res = await fetch(`${base}/echo/x?q=a%00b`)
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toHaveProperty("q")
    res = await post("/echo/x", '{"title":"ok","evidence":[{"name":"\\ud800"}]}')
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toHaveProperty(["evidence.0.name"])
  })
  it("answers 400 for malformed percent-encoding in the path and in the query", async () => {
    for (const path of ["/echo/%E0%A4%A", "/echo/%", "/echo/%ZZ", "/echo/%ED%A0%80"]) {
      const res = await fetch(`${base}${path}`)
      expect(res.status, path).toBe(400)
      expect((await res.json()).errors).toHaveProperty("path")
    }
    const res = await fetch(`${base}/echo/x?q=100%`)
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toHaveProperty("q")
  })
  it("answers 400 for a path parameter holding a NUL", async () => {
    const res = await fetch(`${base}/echo/a%00`)
    expect(res.status).toBe(400)
    expect((await res.json()).errors.path).toMatch(/NUL/)
  })
})
