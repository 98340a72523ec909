import { describe, expect, it } from "vitest"
import { artworkPath, escapeXml, productSvg, wrapWords } from "../src/lib/svg"

const wellFormed = (svg: string) => {
  // no raw markup characters inside text nodes: every "<" starts a tag we wrote
  const text = svg.replace(/<[a-zA-Z/][^<>]*>/g, "")
  expect(text).not.toMatch(/[<>]/)
  expect(text.replace(/&(amp|lt|gt|quot|apos);/g, "")).not.toMatch(/&/)
}

describe("SVG artwork", () => {
  it("escapes markup in names (XML content and attributes)", () => {
    expect(escapeXml(`Trà <b>"Tân" & 'Cương'</b>`)).toBe(
      "Trà &lt;b&gt;&quot;Tân&quot; &amp; &apos;Cương&apos;&lt;/b&gt;"
    )
    const svg = productSvg({
      name: `<script>alert("x")</script> & Mật ong`,
      group_slug: "thuc-pham",
      stars: 4,
      province: `Hà "Nội"`,
    })
    expect(svg).not.toContain("<script>")
    expect(svg).toContain("&lt;script&gt;")
    expect(svg).toContain('aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Mật ong"')
    wellFormed(svg)
  })
  it("drops control characters that XML forbids", () => {
    expect(escapeXml("a\u0001b\u0008c")).toBe("abc")
  })
  it("keeps Vietnamese text as is, shows stars and a motif per group", () => {
    const svg = productSvg({
      name: "Mật ong bạc hà Đồng Văn",
      group_slug: "thuc-pham",
      stars: 3,
      province: "Tuyên Quang",
      unit: "chai 500 ml",
    })
    expect(svg).toContain("Mật ong bạc hà")
    expect(svg).toContain("★★★☆☆")
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    const groups = ["thuc-pham", "do-uong", "duoc-lieu", "thu-cong-my-nghe", "sinh-vat-canh", "dich-vu-du-lich"]
    const motifs = new Set(
      groups.map((g) => productSvg({ name: "X", group_slug: g, stars: 4 }).match(/translate\(200 70\)">(.*?)<\/g>/)![1])
    )
    expect(motifs.size).toBe(6)
    for (const g of groups) wellFormed(productSvg({ name: "Tên & <thử>", group_slug: g, stars: 5 }))
  })
  it("carries the English name for ….svg#en, the Vietnamese one shown by default", () => {
    const svg = productSvg({ name: "Mật hoa dừa", name_en: "Coconut <nectar>", group_slug: "thuc-pham", stars: 4 })
    expect(svg).toMatch(/<svg [^>]*id="en"/)
    expect(svg).toContain('<g class="vi"><text')
    expect(svg).toContain("Coconut &lt;nectar&gt;")
    expect(svg).toContain(".en{display:none}#en:target .en{display:inline}#en:target .vi{display:none}")
    wellFormed(svg.replace(/<style>.*?<\/style>/, ""))
    // No English name (or the same one): a single name, no switch.
    expect(productSvg({ name: "Gạo", name_en: "Gạo", group_slug: "thuc-pham", stars: 4 })).not.toContain("<style>")
  })
  it("wraps long names into at most three lines", () => {
    const lines = wrapWords("Du lịch văn hóa dân tộc Tày bản làng Thái Hải xã Thịnh Đức thành phố Thái Nguyên", 22, 3)
    expect(lines).toHaveLength(3)
    expect(lines[2].endsWith("…")).toBe(true)
  })
  it("puts files in small folders with safe names", () => {
    expect(artworkPath("mat-ong-dong-van-rn6a")).toBe("ocop/ma/mat-ong-dong-van-rn6a.svg")
    expect(artworkPath("../../etc/passwd")).not.toContain("..")
  })
})
