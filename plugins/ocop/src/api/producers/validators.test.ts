import { describe, expect, it } from "vitest"
import { ProducerSignup } from "./validators"

describe("producer sign-up body", () => {
  const body = { name: "HTX Thanh long Hàm Thuận", entity_type: "cooperative", province_code: "68" }
  it("keeps the former province of the address when it lies in the chosen unit", () => {
    const parsed = ProducerSignup.safeParse({ ...body, former_province_code: "60" })
    expect(parsed.success && parsed.data.former_province_code).toBe("60")
  })
  it("refuses a former province of another unit, naming the field", () => {
    const parsed = ProducerSignup.safeParse({ ...body, former_province_code: "49" })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["former_province_code"])
    expect(ProducerSignup.safeParse({ ...body, former_province_code: "Bình Thuận" }).error?.issues[0].path).toEqual([
      "former_province_code",
    ])
  })
})
