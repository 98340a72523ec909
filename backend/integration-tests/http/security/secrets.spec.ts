/**
 * Issue 10, item 1 and the backend's headers: no token can be forged with a secret from the
 * source; a server others can reach refuses to start without secrets; `npm start` generates them
 * once and reuses them; every API answer carries the security headers.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, generateJwtToken } from "@medusajs/framework/utils"
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ensureSecrets } from "../../../../scripts/lib/secrets.mjs"
import { expectStatus, useMarketplace } from "../../fixtures/marketplace"

/** The development secret that medusa-config.ts used to fall back to (public in the git history). */
const OLD_PUBLIC_SECRET = "ocop-dev-secret-change-me"
const BACKEND = path.resolve(__dirname, "../../..")
const REFUSAL =
  /^Error: JWT_SECRET and COOKIE_SECRET must be set \(e\.g\. each to the output of `openssl rand -hex 32`\) before this server starts .+; `npm start` sets them for you, and HOST=localhost allows throwaway ones for a local try-out\.$/m

/** Loads medusa-config.ts in a fresh Node process as `medusa <command>` would, and reports its secrets. */
function loadConfig(command: string, env: Record<string, string | undefined>, args: string[] = []) {
  const script = `
    process.argv = [process.argv[0], "medusa", ${JSON.stringify(command)}, ...${JSON.stringify(args)}]
    require("ts-node").register({ transpileOnly: true, swc: true, compilerOptions: { module: "commonjs" } })
    const { http } = require("./medusa-config.ts").default.projectConfig
    console.log(JSON.stringify({ jwt: http.jwtSecret, cookie: http.cookieSecret }))`
  const childEnv: Record<string, string> = {}
  for (const [k, v] of Object.entries({
    ...process.env,
    JWT_SECRET: undefined,
    COOKIE_SECRET: undefined,
    HOST: undefined,
    ...env,
  })) {
    if (v !== undefined) childEnv[k] = v
  }
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: BACKEND,
    env: childEnv,
    encoding: "utf8",
    timeout: 60_000,
  })
  const last = run.stdout.trim().split("\n").pop() ?? ""
  return { status: run.status, stderr: run.stderr, secrets: run.status === 0 ? JSON.parse(last) : null }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    let operator: { id: string; authIdentityId: string }

    beforeAll(async () => {
      const [user] = await getContainer().resolve(Modules.USER).listUsers({ email: "operator@ocop.test" })
      const [identity] = await getContainer()
        .resolve(Modules.AUTH)
        .listAuthIdentities({ app_metadata: { user_id: user.id } } as any)
      operator = { id: user.id, authIdentityId: identity?.id ?? "authid_forged" }
    })

    const adminClaims = () => ({
      actor_id: operator.id,
      actor_type: "user",
      auth_identity_id: operator.authIdentityId,
      app_metadata: { user_id: operator.id },
      user_metadata: {},
    })
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

    describe("tokens", () => {
      it("refuses an admin token signed with the old public development secret, and accepts the same claims signed with this server's secret", async () => {
        const { http } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
        expect(http.jwtSecret).not.toBe(OLD_PUBLIC_SECRET)
        expect(http.jwtSecret).toMatch(/^[0-9a-f]{64}$/)

        const forged = generateJwtToken(adminClaims(), { secret: OLD_PUBLIC_SECRET, expiresIn: "1d" })
        const refused = await expectStatus(api.get("/admin/orders", bearer(forged)), 401)
        expect(refused.status).toBe(401)
        // Medusa's own authentication answers before any plugin middleware: its body stays Medusa's.
        expect(refused.data).toEqual({ message: "Unauthorized" })
        expect((await expectStatus(api.get("/admin/ocop/producers", bearer(forged)), 401)).status).toBe(401)

        // The claims themselves are right: the only difference is who signed them.
        const genuine = generateJwtToken(adminClaims(), { secret: http.jwtSecret, expiresIn: "1d" })
        expect((await api.get("/admin/orders", bearer(genuine))).status).toBe(200)
      })

      it("refuses forged producer and curator tokens too", async () => {
        const forgedProducer = generateJwtToken(
          { actor_id: "opr_anything", actor_type: "producer", auth_identity_id: "x", app_metadata: {} },
          { secret: OLD_PUBLIC_SECRET, expiresIn: "1d" }
        )
        const forgedCurator = generateJwtToken(
          { actor_id: "otc_anything", actor_type: "curator", auth_identity_id: "x", app_metadata: {} },
          { secret: OLD_PUBLIC_SECRET, expiresIn: "1d" }
        )
        expect((await expectStatus(api.get("/vendor/me", bearer(forgedProducer)), 401)).status).toBe(401)
        expect((await expectStatus(api.get("/trade-center/stats", bearer(forgedCurator)), 401)).status).toBe(401)
      })
    })

    describe("medusa-config.ts without JWT_SECRET / COOKIE_SECRET", () => {
      it("refuses to start a server with NODE_ENV=production, or listening on anything but localhost", () => {
        for (const [env, args, where] of [
          [{ NODE_ENV: "production" }, [], "with NODE_ENV=production"],
          [{ NODE_ENV: "development" }, [], "listening on every network interface"],
          [{ NODE_ENV: "development", HOST: "0.0.0.0" }, [], "listening on 0.0.0.0"],
          [{ NODE_ENV: "development" }, ["-H", "192.0.2.10"], "listening on 192.0.2.10"],
          [{ NODE_ENV: "production", HOST: "localhost" }, [], "with NODE_ENV=production"],
        ] as const) {
          const run = loadConfig("start", env, [...args])
          expect(run.status, JSON.stringify(env)).not.toBe(0)
          expect(run.stderr).toMatch(REFUSAL)
          expect(run.stderr).toContain(`before this server starts ${where};`)
        }
      })

      it("gives a local server random secrets of its own, with a one-line warning, and uses explicit ones as given", () => {
        const first = loadConfig("start", { NODE_ENV: "development", HOST: "localhost" })
        const second = loadConfig("develop", { NODE_ENV: "development" }, ["--host", "127.0.0.1"])
        for (const run of [first, second]) {
          expect(run.status).toBe(0)
          expect(run.secrets.jwt).toMatch(/^[0-9a-f]{64}$/)
          expect(run.secrets.cookie).toMatch(/^[0-9a-f]{64}$/)
          expect(
            run.stderr.match(/JWT_SECRET\/COOKIE_SECRET not set: using random secrets for this process/g)
          ).toHaveLength(1)
        }
        expect(first.secrets.jwt).not.toBe(second.secrets.jwt)
        expect(first.secrets.jwt).not.toBe(first.secrets.cookie)

        const explicit = loadConfig("start", {
          NODE_ENV: "production",
          JWT_SECRET: "j".repeat(40),
          COOKIE_SECRET: "c".repeat(40),
        })
        expect(explicit.status).toBe(0)
        expect(explicit.secrets).toEqual({ jwt: "j".repeat(40), cookie: "c".repeat(40) })
        expect(explicit.stderr).not.toContain("random secrets")

        // CLI commands (migrations, the seed's `medusa exec`) sign nothing that outlives them: no warning.
        const cli = loadConfig("db:migrate", { NODE_ENV: "development" })
        expect(cli.status).toBe(0)
        expect(cli.secrets.jwt).toMatch(/^[0-9a-f]{64}$/)
        expect(cli.stderr).not.toContain("random secrets")
      })

      it("makes `medusa start` itself exit with that sentence when it would listen on every interface", () => {
        const env: Record<string, string> = {}
        for (const [k, v] of Object.entries(process.env))
          if (v !== undefined && !["JWT_SECRET", "COOKIE_SECRET", "HOST"].includes(k)) env[k] = v
        const run = spawnSync(path.join(BACKEND, "..", "node_modules", ".bin", "medusa"), ["start", "-p", "1"], {
          cwd: BACKEND,
          env: { ...env, NODE_ENV: "development", DATABASE_URL: "postgres://nobody@localhost:1/none" },
          encoding: "utf8",
          timeout: 120_000,
        })
        expect(run.status).not.toBe(0)
        expect(`${run.stdout}\n${run.stderr}`).toContain("JWT_SECRET and COOKIE_SECRET must be set")
      })
    })

    describe("scripts/lib/secrets.mjs", () => {
      it("generates the three secrets once into a file only its owner can read, reuses them, and lets the environment win", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-secrets-"))
        const file = path.join(dir, "nested", "secrets.json")
        const first = ensureSecrets({ file, env: {} })
        expect(Object.keys(first).sort()).toEqual(["COOKIE_SECRET", "JWT_SECRET", "SESSION_SECRET"])
        for (const value of Object.values(first)) expect(value).toMatch(/^[0-9a-f]{64}$/)
        expect(new Set(Object.values(first)).size).toBe(3)
        expect(fs.statSync(file).mode & 0o777).toBe(0o600)
        expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(first)

        expect(ensureSecrets({ file, env: {} })).toEqual(first)
        expect(ensureSecrets({ file, env: { JWT_SECRET: "from-the-environment" } })).toEqual({
          ...first,
          JWT_SECRET: "from-the-environment",
        })
        expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(first)

        fs.chmodSync(file, 0o644)
        ensureSecrets({ file, env: {} })
        expect(fs.statSync(file).mode & 0o777).toBe(0o600)
        fs.rmSync(dir, { recursive: true, force: true })
      })

      it("keeps no secret in the source: the old default appears in no file of the repository but this test", () => {
        const root = path.resolve(BACKEND, "..")
        const tracked = spawnSync("git", ["grep", "-l", "--untracked", OLD_PUBLIC_SECRET], {
          cwd: root,
          encoding: "utf8",
        })
        expect(tracked.stdout.trim().split("\n").filter(Boolean)).toEqual([
          "backend/integration-tests/http/security/secrets.spec.ts",
        ])
      })
    })

    describe("security headers", () => {
      // Express's own 404 page replaces the policy with its `default-src 'none'`; X-Frame-Options still forbids framing.
      const expectHeaders = (headers: Record<string, any>, csp = "default-src 'none';frame-ancestors 'none'") => {
        expect(headers["x-content-type-options"]).toBe("nosniff")
        expect(headers["referrer-policy"]).toBe("no-referrer")
        expect(headers["x-frame-options"]).toBe("DENY")
        expect(headers["content-security-policy"]).toBe(csp)
        expect(headers["cross-origin-resource-policy"]).toBe("cross-origin")
        expect(headers["x-powered-by"]).toBeUndefined()
        expect(headers["strict-transport-security"]).toBeUndefined() // not production: no HSTS on plain http
      }

      it("are on successful answers of the store, admin, auth and our own routes", async () => {
        for (const res of [
          await api.get("/store/ocop/provinces", fx.storeHeaders),
          await api.get("/store/products?limit=1", fx.storeHeaders),
          await api.get("/admin/ocop/producers", fx.adminHeaders),
          await api.post("/auth/user/emailpass", { email: "operator@ocop.test", password: "Operator#2026" }),
        ]) {
          expect(res.status).toBe(200)
          expectHeaders(res.headers)
        }
      })

      it("are on errors raised before any route runs: missing admin token, missing publishable key, unknown route", async () => {
        const answers = [
          await api.request({ method: "GET", url: "/admin/orders", validateStatus: () => true }),
          await api.request({ method: "GET", url: "/store/products", validateStatus: () => true }),
          await api.request({
            method: "GET",
            url: "/store/ocop/no-such-route",
            headers: fx.storeHeaders.headers,
            validateStatus: () => true,
          }),
        ]
        expect(answers.map((a: any) => a.status)).toEqual([401, 400, 404])
        expectHeaders(answers[0].headers)
        expectHeaders(answers[1].headers)
        expectHeaders(answers[2].headers, "default-src 'none'")
      })
    })
  },
})
