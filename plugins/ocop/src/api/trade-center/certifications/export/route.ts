import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { toCsv } from "../../../../lib/csv"
import { curatorRequest } from "../../curator-request"
import { getProvinceByCode } from "../../../../lib/provinces"
import { findProductGroup } from "../../../../lib/product-groups"
import { certificationStatusLabel, vietnameseDate } from "../../../../lib/status-labels"

const HEADER = [
  "Số giấy chứng nhận",
  "Sản phẩm",
  "Chủ thể",
  "Tỉnh/thành",
  "Hạng sao",
  "Điểm",
  "Nhóm sản phẩm",
  "Cơ quan công nhận",
  "Số quyết định",
  "Ngày quyết định",
  "Hiệu lực từ",
  "Hết hạn",
  "Trạng thái",
  "Lý do",
]

/** The province's certifications as a spreadsheet for the centre's reports: names, not ids or codes. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const certs = await ocop.listCertifications(
    { province_code: center.province_code },
    { order: { created_at: "ASC" }, relations: ["producer"] }
  )
  const ids = [...new Set(certs.map((c) => c.product_id))]
  const products = ids.length
    ? await req.scope.resolve(Modules.PRODUCT).listProducts({ id: ids }, { select: ["id", "title"] })
    : []
  const titleOf = new Map(products.map((p) => [p.id, p.title]))
  const csv = toCsv(
    HEADER,
    certs.map((c) => [
      c.certificate_number,
      titleOf.get(c.product_id) ?? c.product_id,
      c.producer?.name,
      getProvinceByCode(c.province_code)?.name_vi ?? c.province_code,
      c.stars,
      c.score,
      findProductGroup(c.group_slug)?.name_vi ?? c.group_slug,
      c.issuing_authority,
      c.decision_number,
      vietnameseDate(c.decision_date),
      vietnameseDate(c.valid_from),
      vietnameseDate(c.expires_at),
      certificationStatusLabel(c.status, "vi"),
      c.reason,
    ])
  )
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="ocop-${center.province_code}-chung-nhan.csv"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(csv)
}
