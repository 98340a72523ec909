import { MedusaService } from "@medusajs/framework/utils"
import { PaymentNotification } from "./models/payment-notification"

export default class OcopPaymentModuleService extends MedusaService({ PaymentNotification }) {}
