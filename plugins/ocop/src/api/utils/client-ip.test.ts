import { describe, expect, it } from "vitest"
import { clientIp } from "./client-ip"

const request = (peer: string, forwardedFor?: string) =>
  ({
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
  }) as any

describe("the client address used by per-address limits (OCOP_TRUSTED_PROXIES unset: loopback only)", () => {
  it("believes X-Forwarded-For from a proxy or storefront on this machine", () => {
    expect(clientIp(request("127.0.0.1", "203.0.113.9"))).toBe("203.0.113.9")
    expect(clientIp(request("::1", "2001:db8::7"))).toBe("2001:db8::7")
  })

  it("takes the address the trusted proxy saw, not what the client wrote before it", () => {
    expect(clientIp(request("127.0.0.1", "1.2.3.4, 203.0.113.9"))).toBe("203.0.113.9")
  })

  it("ignores X-Forwarded-For from anyone else: a direct client cannot pick its address", () => {
    expect(clientIp(request("198.51.100.7", "203.0.113.9"))).toBe("198.51.100.7")
    expect(clientIp(request("198.51.100.7"))).toBe("198.51.100.7")
  })
})
