import { describe, expect, it } from "vitest"
import { isWebUrl, webUrl } from "./web-url"

describe("URL fields", () => {
  it("accept https everywhere and http only outside production or for this machine", () => {
    expect(isWebUrl("https://htx.example.vn/logo.png", true)).toBe(true)
    expect(isWebUrl("http://htx.example.vn/logo.png", false)).toBe(true)
    expect(isWebUrl("http://htx.example.vn/logo.png", true)).toBe(false)
    expect(isWebUrl("http://localhost:9000/static/logo.png", true)).toBe(true)
  })

  it("refuse scripts, data, files and text that is not an absolute URL", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "ftp://example.vn/x",
      "//evil.example/x",
      "/static/logo.png",
      "logo.png",
      "",
    ]) {
      expect(webUrl.safeParse(bad).success, bad).toBe(false)
    }
  })
})
