#!/usr/bin/env node
// One-off: builds seed/data/demo-catalogue.json from the research file reference/sample-products.json
// (outside the repo) plus the hand-made place table below (commune/ward after 2025, former district).
// The result is the project's own data file; the seed reads only that. Re-run only to refresh it:
//   node seed/scripts/derive-demo-data.mjs /path/to/reference/sample-products.json
//
// Place names marked here are our best reading of the product and producer names (e.g. "Tuy Đức",
// "Cầu Đất", "Ba Chẽ"); they are plausible, not checked against a registry (address_is_approximate).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const source = process.argv[2] || "/work/shared/reference/sample-products.json"
const provinces = JSON.parse(fs.readFileSync(path.join(here, "../../plugins/ocop/src/data/provinces.json"), "utf8"))
const former = JSON.parse(fs.readFileSync(path.join(here, "../../plugins/ocop/src/data/former-provinces.json"), "utf8"))
const samples = JSON.parse(fs.readFileSync(source, "utf8"))

// product name → [former district (pre-2025), ward/commune (since 2025-07-01)]
const PLACES = {
  "Bộ bát đĩa gốm sứ hoa sen đỏ": ["huyện Gia Lâm", "xã Bát Tràng"],
  "Chăn bông tơ tằm tự dệt": ["huyện Mỹ Đức", "xã Phúc Sơn"],
  "Mật hoa dừa": ["huyện Châu Thành", "xã Hòa Minh"],
  "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm": ["thành phố Phú Quốc", "đặc khu Phú Quốc"],
  "Hồng trà Phìn Hồ": ["huyện Hoàng Su Phì", "xã Thông Nguyên"],
  "Muối hạt Bạc Liêu": ["thành phố Bạc Liêu", "phường Hiệp Thành"],
  "Du lịch văn hóa dân tộc Tày bản làng Thái Hải": ["thành phố Thái Nguyên", "xã Tân Cương"],
  "Lạc sen Diễn Châu": ["huyện Diễn Châu", "xã Diễn Châu"],
  "Hạt sen sấy": ["huyện Nam Đàn", "xã Kim Liên"],
  "Mắc ca Lê Anh Tuy Đức": ["huyện Tuy Đức", "xã Tuy Đức"],
  "Tiêu xanh sấy thăng hoa": ["thành phố Gia Nghĩa", "phường Bắc Gia Nghĩa"],
  "Nước mắm nguyên chất cá cơm 60 độ đạm Suchi": ["thành phố Phan Thiết", "phường Mũi Né"],
  "Rong nho tách nước": ["thành phố Phan Thiết", "phường Phan Thiết"],
  "Trứng gà nướng TAFA": ["huyện Hàm Thuận Bắc", "xã Hàm Thuận Bắc"],
  "Trà lài Cầu Đất": ["thành phố Đà Lạt", "phường Xuân Trường - Đà Lạt"],
  "Trà móc câu Đạt Phát": ["huyện Đại Từ", "xã La Bằng"],
  "Trà đen Thịnh An": ["huyện Đồng Hỷ", "xã Văn Hán"],
  "Lan's Homestay": ["huyện Trùng Khánh", "xã Đàm Thủy"],
  "Gạo hữu cơ An Lỗ": ["thị xã Phong Điền", "phường Phong Điền"],
  "Tinh dầu quế Trà My Minh Phúc": ["huyện Bắc Trà My", "xã Trà My"],
  "Trà đẳng sâm Tây Giang": ["huyện Tây Giang", "xã Tây Giang"],
  "Cao đẳng sâm Đức Huy": ["huyện Nam Trà My", "xã Nam Trà My"],
  "Đèn lồng Dé Latana": ["thành phố Hội An", "phường Hội An"],
  "Rượu ba kích Ba Chẽ": ["huyện Ba Chẽ", "xã Ba Chẽ"],
  "Nước khoáng thiên nhiên Quang Hanh Fresh": ["thành phố Cẩm Phả", "phường Quang Hanh"],
  "Trứng vịt biển Đồng Rui": ["huyện Tiên Yên", "xã Đông Ngũ"],
  "Trà hoa vàng Ba Chẽ": ["huyện Ba Chẽ", "xã Ba Chẽ"],
  "Cà phê rang xay DAKMARK": ["huyện Đắk Hà", "xã Đăk Mar"],
  "Tỏi đen Kochigold": ["huyện Thạch Thất", "xã Thạch Thất"],
  "Cam Vinh Minh Thành": ["huyện Yên Thành", "xã Yên Thành"],
  "Trà gạo thảo dược Vĩnh Hòa": ["thành phố Vinh", "phường Vinh Phú"],
  "Khăn thổ cẩm Hoa Tiến": ["huyện Quỳ Châu", "xã Châu Tiến"],
  "Hương trầm Hà Loan": ["huyện Quỳnh Lưu", "xã Quỳnh Lưu"],
  "Tinh bột nghệ Hoàng Mai": ["thị xã Hoàng Mai", "phường Hoàng Mai"],
  "Du lịch cộng đồng bản Nưa": ["huyện Con Cuông", "xã Yên Khê"],
  "Trà xanh túi lọc Nguyên Việt": ["huyện Đồng Hỷ", "xã Quang Sơn"],
  "Mật ong Phúc Thành": ["thành phố Phổ Yên", "phường Phúc Thuận"],
  "Măng khô lục trúc MTQ": ["huyện Đồng Hỷ", "xã Văn Lăng"],
  "Mắm nêm Seagull": ["thành phố Phan Thiết", "phường Phú Thủy"],
  "Cao Atiso Hoàng An": ["thành phố Đà Lạt", "phường Lâm Viên - Đà Lạt"],
  "beCHAMP Coffee Gu Mạnh": ["huyện Đắk Mil", "xã Đức Lập"],
  "Macca Quyền Nguyệt": ["huyện Đắk R'lấp", "xã Nhân Cơ"],
  "Trà thảo mộc 7 vị": ["thành phố Gia Nghĩa", "phường Nam Gia Nghĩa"],
  "Trà bí đao": ["huyện Cư Jút", "xã Cư Jút"],
  "Chanh dây sấy dẻo Đà Lạt Tự Nhiên": ["huyện Đức Trọng", "xã Đức Trọng"],
  "Dâu tằm trái tươi": ["huyện Lạc Dương", "phường Lang Biang - Đà Lạt"],
  "Rượu đông trùng hạ thảo Tâm Phúc": ["thành phố Đà Lạt", "phường Xuân Hương - Đà Lạt"],
  "Yến sào Minh Huyền": ["thị xã La Gi", "phường La Gi"],
  "Gạo sạch Bắc Ruộng ST25": ["huyện Tánh Linh", "xã Bắc Ruộng"],
  "Cà phê catimor rang nguyên hạt Cầu Đất": ["thành phố Đà Lạt", "phường Xuân Trường - Đà Lạt"],
  "Cam sành Thông Hòa": ["huyện Cầu Kè", "xã Cầu Kè"],
  "Chuối tá quạ Tam Ngãi": ["huyện Cầu Kè", "xã Tam Ngãi"],
  "Măng cụt Tân Quy": ["huyện Cầu Kè", "xã An Phú Tân"],
  "Mứt chuối tá quạ": ["huyện Cầu Kè", "xã An Phú Tân"],
  "Bún sạch Tam Ngãi": ["huyện Cầu Kè", "xã Tam Ngãi"],
  "Khô ếch Minh Nhựt": ["huyện Cầu Kè", "xã Cầu Kè"],
  "Tinh dầu tràm Trường Hải": ["huyện Phú Lộc", "xã Phú Lộc"],
  "Mắm nêm cá cơm Mệ Em": ["huyện Phú Vang", "xã Phú Vang"],
  "Rượu đảng sâm Đức Huy": ["huyện Nam Trà My", "xã Nam Trà My"],
  "Sâm dây Phước Sơn": ["huyện Phước Sơn", "xã Khâm Đức"],
  "Đèn mỹ nghệ quế Thái Hòa": ["huyện Thăng Bình", "xã Thăng Bình"],
  "Cà phê bột nguyên chất Coffee Đăk Mar": ["huyện Đắk Hà", "xã Đăk Mar"],
  "Trà Hích": ["huyện Đồng Hỷ", "xã Đồng Hỷ"],
  "Nõn chè xanh Trại Cài": ["huyện Đồng Hỷ", "xã Quang Sơn"],
  "Du lịch cộng đồng bản Khe Rạn": ["huyện Con Cuông", "xã Con Cuông"],
  "Gạo thơm Thủy Thanh": ["thị xã Hương Thủy", "phường Thanh Thủy"],
  "Bưởi cốm Hương Thọ": ["thị xã Hương Trà", "phường Kim Trà"],
  "Nước ớt Vinh Xuân": ["huyện Phú Vang", "xã Phú Vinh"],
  "Rượu Tà Rương Mão": ["huyện A Lưới", "xã A Lưới 2"],
  "Rượu Ô Lâu": ["huyện Phong Điền", "xã Quảng Điền"],
  "Khoai lang sấy dẻo Đà Lạt Tự Nhiên": ["huyện Đức Trọng", "xã Đức Trọng"],
  "Cà phê Rin": ["huyện Di Linh", "xã Di Linh"],
  "Hill coffee": ["huyện Đắk Song", "xã Đắk Song"],
  "Ngũ cốc dinh dưỡng nhà làm Tuấn Diễm": ["huyện Đức Linh", "xã Đức Linh"],
  "Tinh bột nghệ Hải Hoa": ["huyện Đắk Glong", "xã Quảng Sơn"],
  "Mai vàng Tiến Phát": ["huyện Cái Bè", "xã Cái Bè"],
  "Lan cấy mô Kim Thanh": ["thành phố Mỹ Tho", "phường Mỹ Tho"],
  "Gạo ruộng rươi Kiến Thụy": ["huyện Kiến Thụy", "xã Kiến Thụy"],
  "Mật ong Đại Hợp": ["huyện Kiến Thụy", "xã Kiến Hải"],
  "Nem Lai Vung Hoàng Khánh": ["huyện Lai Vung", "xã Lai Vung"],
  "Homestay Nặm Đíp": ["huyện Lâm Bình", "xã Thượng Lâm"],
}

// A few products end outside the marketplace, to show the listing gate at work.
const ENDINGS = {
  "Khăn thổ cẩm Hoa Tiến": {
    ending: "lapsed",
    note: "4★ in 2019, 3★ after re-evaluation in 2022; not renewed since (reference §5)",
  },
  "Nước ớt Vinh Xuân": {
    ending: "revoked",
    note: "revoked: packaging changed and no longer matches the certified product",
  },
  "Gạo thơm Thủy Thanh": { ending: "submitted", note: "certificate lapsed; re-evaluation dossier submitted" },
  "Mật ong Đại Hợp": { ending: "renewed", producer_status: "pending", note: "producer account not approved yet" },
}
const FIRST_STARS = { "Khăn thổ cẩm Hoa Tiến": 4 }
const FIRST_YEAR = { "Khăn thổ cẩm Hoa Tiến": 2019 }

const fold = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC")
const handle = (t) =>
  fold(t)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s+/g, "-")

const provinceBySlug = new Map(provinces.map((p) => [p.slug, p]))
const formerByName = new Map(former.map((f) => [f.name_vi, f]))
formerByName.set("Thừa Thiên Huế", { ...formerByName.get("Huế"), name_vi: "Thừa Thiên Huế", type: "province" })

const GROUP_EN = {
  "thuc-pham": "food product",
  "do-uong": "drink",
  "duoc-lieu": "herbal product",
  "thu-cong-my-nghe": "handicraft",
  "sinh-vat-canh": "ornamental plant",
  "dich-vu-du-lich": "community tourism service",
}
const TYPE_EN = {
  cooperative: "cooperative",
  enterprise: "company",
  cooperative_group: "cooperative group",
  household: "household business",
}

function hash(text) {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0
  return h
}

const producers = new Map()
const products = []
const usedHandles = new Set()
for (const s of samples) {
  const province = provinceBySlug.get(s.province_slug)
  if (!province) throw new Error(`unknown province ${s.province_slug}`)
  const place = PLACES[s.name_vi]
  if (!place) throw new Error(`no place for ${s.name_vi}`)
  const formerProvince = formerByName.get(s.former_province_vi)
  if (!formerProvince) throw new Error(`unknown former province ${s.former_province_vi}`)
  const entity = s.producer_type === "household_business" ? "household" : s.producer_type
  const special = ENDINGS[s.name_vi] || {}

  const pHandle = handle(s.producer_name_vi.replace(/\(.*?\)/g, "")).slice(0, 80)
  if (!producers.has(pHandle)) {
    const h = hash(pHandle)
    const prefixes = ["091", "094", "088", "097", "098", "086", "090", "093", "077", "035", "038", "083"]
    const phone = prefixes[h % prefixes.length] + String(1000000 + (h % 8999999)).slice(-7)
    producers.set(pHandle, {
      handle: pHandle,
      name: s.producer_name_vi,
      entity_type: entity,
      province_code: province.code,
      former_province_vi: s.former_province_vi,
      former_district_vi: place[0],
      ward: place[1],
      address: `${place[1]}, ${province.full_name_vi}`,
      address_is_approximate: true,
      phone,
      email: `${pHandle.split("-").slice(-3).join("")}@demo.ocop.vn`,
      status: special.producer_status || "active",
      name_verified: s.producer_verified !== false,
      products: [],
    })
  }
  const producer = producers.get(pHandle)
  let pHandleProduct = handle(s.name_vi)
  if (usedHandles.has(pHandleProduct)) pHandleProduct = `${pHandleProduct}-${province.slug}`
  usedHandles.add(pHandleProduct)
  producer.products.push(pHandleProduct)

  const year = FIRST_YEAR[s.name_vi] || s.certified_year || 2024
  const h = hash(s.name_vi)
  const month = 1 + (h % 11)
  const day = 1 + ((h >>> 4) % 27)
  const firstDecision = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
  const where = `${place[1].replace(/^(xã|phường|đặc khu)\s+/, "")}, ${province.name_vi}`
  products.push({
    handle: pHandleProduct,
    title: s.name_vi,
    title_en: s.name_en,
    description: s.description_vi,
    description_en: `${s.name_en} from ${fold(where)}: an OCOP ${s.stars}-star ${GROUP_EN[s.group_slug]} made by ${fold(s.producer_name_vi.replace(/\s*\(.*?\)/g, ""))}, a local ${TYPE_EN[entity]}.`,
    province_code: province.code,
    province_slug: province.slug,
    former_province_vi: s.former_province_vi,
    group_slug: s.group_slug,
    subgroup_slug: s.subgroup_slug,
    stars: s.stars,
    first_stars: FIRST_STARS[s.name_vi] ?? s.stars,
    first_decision_date: firstDecision,
    ending: special.ending || "renewed",
    ending_note: special.note,
    unit: s.unit,
    price_vnd: s.typical_price_vnd,
    price_is_estimate: s.price_is_estimate !== false,
    stock: 20 + (h % 380),
    producer_handle: pHandle,
    stars_verified: s.stars_verified !== false,
    source: s.source,
  })
}

const out = {
  about:
    "OCOP Marketplace demo catalogue. Products, producers, stars and groups come from public mentions compiled in reference/sample-products.json (see each `source`). Prices are estimates. Wards/districts are plausible readings of the names (address_is_approximate). Phones and e-mails are made up. Certificate records are generated by seed/src/lib/certificates.ts at seed time from first_decision_date, so the demo never lapses as time passes.",
  producers: [...producers.values()],
  products,
}
const target = path.join(here, "../data/demo-catalogue.json")
fs.writeFileSync(target, JSON.stringify(out, null, 2) + "\n")
console.log(`wrote ${target}: ${out.producers.length} producers, ${out.products.length} products`)
