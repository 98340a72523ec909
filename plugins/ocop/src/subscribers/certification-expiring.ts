import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../modules/ocop"

type Expiring = { id: string; producer_id: string; product_id: string; certificate_number: string; expires_at: string }

/**
 * Tells the producer (by email through Medusa's Notification module) that a certificate expires
 * within 30 days, so it can apply for re-evaluation (công nhận lại) in time.
 */
export default async function certificationExpiring({ event, container }: SubscriberArgs<Expiring | Expiring[]>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ocop = container.resolve<OcopModuleService>(OCOP_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  for (const cert of Array.isArray(event.data) ? event.data : [event.data]) {
    const [producer] = await ocop.listProducers({ id: cert.producer_id }, { take: 1 })
    const expires = new Date(cert.expires_at).toLocaleDateString("vi-VN")
    if (!producer?.email) {
      logger.warn(
        `OCOP: certificate ${cert.certificate_number} expires on ${expires}, but its producer has no email address to notify.`
      )
      continue
    }
    await notifications.createNotifications({
      to: producer.email,
      channel: "email",
      template: "ocop-certificate-expiring",
      data: {
        subject: `Giấy chứng nhận OCOP ${cert.certificate_number} hết hạn ngày ${expires}`,
        text: `Giấy chứng nhận OCOP ${cert.certificate_number} của ${producer.name} hết hiệu lực ngày ${expires}. Vui lòng nộp hồ sơ đánh giá lại để sản phẩm tiếp tục được bán trên Chợ OCOP.`,
        certificate_number: cert.certificate_number,
        expires_at: cert.expires_at,
      },
      resource_id: cert.id,
      resource_type: "ocop_certification",
      idempotency_key: `ocop-expiring-${cert.id}`,
    })
    logger.info(
      `OCOP: told ${producer.name} (${producer.email}) that certificate ${cert.certificate_number} expires on ${expires}.`
    )
  }
}

export const config: SubscriberConfig = { event: "ocop.certification.expiring" }
