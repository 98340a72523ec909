/**
 * Passwords of the demo logins (operator, shopper, producer, curator).
 *
 * There is no fixed password: a marketplace started with `npm start` and put online would keep it,
 * and the operator login opens everything. Each database's demo logins get random passwords at
 * their first seed, kept in a file readable by its owner only (`.data/demo-logins.json` beside the
 * data, or OCOP_DEMO_LOGINS_FILE), which `npm start` prints at every start. The test runner points
 * OCOP_DEMO_LOGINS_FILE at tests/support/demo-logins.json, the known passwords of its throwaway
 * databases.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { passwordProblem } from "@ocop-marketplace/ocop/lib/password-policy"

export type DemoRole = "admin" | "shopper" | "producer" | "curator"
export const DEMO_ROLES: DemoRole[] = ["admin", "shopper", "producer", "curator"]

/** ≈ 72 random bits, always with upper case, lower case and digits (the password policy wants two kinds). */
export function randomDemoPassword(): string {
  return `Ocop-${randomBytes(9).toString("base64url")}-${(randomBytes(2).readUInt16BE() % 90) + 10}`
}

export function demoLoginsFile(): string {
  const configured = process.env.OCOP_DEMO_LOGINS_FILE?.trim()
  if (configured) return path.resolve(configured)
  // seed/bin/seed.mjs and scripts/start.mjs pass the file; a bare `medusa exec` keeps it beside the clone's data.
  return path.resolve(process.cwd(), "..", ".data", "demo-logins.json")
}

let cached: Record<DemoRole, string> | undefined
let generatedNow = false

/** True when this run generated the passwords (the file did not exist): older demo logins get them. */
export function demoPasswordsAreNew(): boolean {
  demoPasswords()
  return generatedNow
}

/** The demo logins' passwords for this database: read from the file, or generated once and written to it. */
export function demoPasswords(): Record<DemoRole, string> {
  if (cached) return cached
  const file = demoLoginsFile()
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Record<DemoRole, string>>
    const broken = DEMO_ROLES.filter((role) => typeof stored[role] !== "string" || passwordProblem(stored[role]))
    if (broken.length)
      throw new Error(`${file} has no acceptable password for ${broken.join(", ")}: fix it, or delete it for new ones.`)
    cached = stored as Record<DemoRole, string>
    return cached
  }
  generatedNow = true
  cached = Object.fromEntries(DEMO_ROLES.map((role) => [role, randomDemoPassword()])) as Record<DemoRole, string>
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(cached, null, 2)}\n`, { mode: 0o600 })
  return cached
}
