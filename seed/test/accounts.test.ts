import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { passwordProblem } from "@ocop-marketplace/ocop/lib/password-policy"
import { DEMO_ACCOUNTS } from "../src/store-setup"
import { PORTAL_ACCOUNTS } from "../src/portal-accounts"
import { DEMO_ROLES, randomDemoPassword } from "../src/demo-logins"

const emails = [...Object.values(DEMO_ACCOUNTS), ...Object.values(PORTAL_ACCOUNTS)].map((a) => a.email)

describe("demo accounts", () => {
  it("carry no password in the source", () => {
    for (const account of [...Object.values(DEMO_ACCOUNTS), ...Object.values(PORTAL_ACCOUNTS)])
      expect(account).not.toHaveProperty("password")
  })

  it("get random passwords that the API's password policy accepts", () => {
    const generated = Array.from({ length: 200 }, randomDemoPassword)
    expect(new Set(generated).size).toBe(generated.length)
    for (const password of generated) for (const email of emails) expect(passwordProblem(password, email)).toBeNull()
  })

  it("are generated once per database, kept in a file only its owner reads, and read back", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-logins-"))
    const file = path.join(dir, "demo-logins.json")
    process.env.OCOP_DEMO_LOGINS_FILE = file
    try {
      const first = await import("../src/demo-logins?first" as string)
      const passwords = first.demoPasswords()
      expect(Object.keys(passwords).sort()).toEqual([...DEMO_ROLES].sort())
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
      const again = await import("../src/demo-logins?again" as string)
      expect(again.demoPasswords()).toEqual(passwords)
    } finally {
      delete process.env.OCOP_DEMO_LOGINS_FILE
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("the test runner's known passwords pass the policy too", () => {
    const known = JSON.parse(fs.readFileSync(path.join(__dirname, "../../tests/support/demo-logins.json"), "utf8"))
    expect(Object.keys(known).sort()).toEqual([...DEMO_ROLES].sort())
    for (const role of DEMO_ROLES) expect(passwordProblem(known[role])).toBeNull()
  })
})
