import { describe, expect, it } from "vitest"
import { allowedCertificationActions, certificationTransition, DECIDABLE_CERTIFICATION_ACTIONS } from "./transitions"

describe("allowedCertificationActions", () => {
  it("offers exactly the decisions the transition table accepts, for every status", () => {
    for (const status of ["submitted", "approved", "rejected", "expired", "revoked", "suspended"]) {
      const accepted = DECIDABLE_CERTIFICATION_ACTIONS.filter((a) => "to" in certificationTransition(status, a))
      expect(allowedCertificationActions(status)).toEqual(accepted)
    }
  })

  it("names the buttons of a pending, an approved and a suspended certificate", () => {
    expect(allowedCertificationActions("submitted")).toEqual(["approve", "reject"])
    expect(allowedCertificationActions("approved")).toEqual(["suspend", "revoke"])
    expect(allowedCertificationActions("suspended")).toEqual(["reinstate", "revoke"])
    expect(allowedCertificationActions("revoked")).toEqual([])
  })
})
