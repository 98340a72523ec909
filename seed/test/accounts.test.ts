import { describe, expect, it } from "vitest"
import { passwordProblem } from "@ocop-marketplace/ocop/lib/password-policy"
import { DEMO_ACCOUNTS } from "../src/store-setup"
import { PORTAL_ACCOUNTS } from "../src/portal-accounts"

describe("demo accounts", () => {
  it("have passwords that the API's password policy accepts", () => {
    const accounts = [...Object.values(DEMO_ACCOUNTS), ...Object.values(PORTAL_ACCOUNTS)]
    expect(accounts).toHaveLength(4)
    for (const { email, password } of accounts) expect(passwordProblem(password, email), email).toBeNull()
  })
})
