import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { type CsvCell, toCsv } from "../../../../lib/csv"
import { curatorRequest } from "../../curator-request"
import { getProvinceByCode } from "../../../../lib/provinces"
import { findProductGroup } from "../../../../lib/product-groups"
import { certificationStatusLabel, vietnameseDate } from "../../../../lib/status-labels"

type CertificationRow = Awaited<ReturnType<OcopModuleService["listCertifications"]>>[number]

/** The register's columns, each heading beside the value under it (names, not ids or codes). */
const COLUMNS: Array<[heading: string, value: (c: CertificationRow, productTitle: string) => CsvCell]> = [
  ["Số giấy chứng nhận", (c) => c.certificate_number],
  ["Sản phẩm", (_, productTitle) => productTitle],
  ["Chủ thể", (c) => c.producer?.name],
  ["Tỉnh/thành", (c) => getProvinceByCode(c.province_code)?.name_vi ?? c.province_code],
  ["Hạng sao", (c) => c.stars],
  ["Điểm", (c) => c.score],
  ["Nhóm sản phẩm", (c) => findProductGroup(c.group_slug)?.name_vi ?? c.group_slug],
  ["Cơ quan công nhận", (c) => c.issuing_authority],
  ["Số quyết định", (c) => c.decision_number],
  ["Ngày quyết định", (c) => vietnameseDate(c.decision_date)],
  ["Hiệu lực từ", (c) => vietnameseDate(c.valid_from)],
  ["Hết hạn", (c) => vietnameseDate(c.expires_at)],
  ["Trạng thái", (c) => certificationStatusLabel(c.status, "vi")],
  ["Lý do", (c) => c.reason],
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
    COLUMNS.map(([heading]) => heading),
    certs.map((c) => COLUMNS.map(([, value]) => value(c, titleOf.get(c.product_id) ?? c.product_id)))
  )
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="ocop-${center.province_code}-chung-nhan.csv"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(csv)
}
