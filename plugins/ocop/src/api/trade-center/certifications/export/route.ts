import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { toCsv } from "../../../../lib/csv"

/** The province's certifications as a spreadsheet (CSV), for the centre's reports. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const center = (req as any).tradeCenter
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const certs = await ocop.listCertifications(
    { province_code: center.province_code },
    { order: { created_at: "ASC" }, relations: ["producer"] }
  )
  const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : "")
  const csv = toCsv(
    [
      "so_giay_chung_nhan",
      "so_quyet_dinh",
      "ngay_quyet_dinh",
      "hang_sao",
      "diem",
      "nhom_san_pham",
      "chu_the",
      "co_quan_cong_nhan",
      "hieu_luc_tu",
      "het_han",
      "trang_thai",
      "ma_san_pham",
    ],
    certs.map((c: any) => [
      c.certificate_number,
      c.decision_number,
      day(c.decision_date),
      c.stars,
      c.score,
      c.group_slug,
      c.producer?.name,
      c.issuing_authority,
      day(c.valid_from),
      day(c.expires_at),
      c.status,
      c.product_id,
    ])
  )
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="ocop-${center.province_code}-chung-nhan.csv"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(csv)
}
