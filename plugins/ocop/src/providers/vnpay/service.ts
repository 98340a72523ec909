import { MedusaError } from "@medusajs/framework/utils"
import { PrepaidPaymentProvider } from "../shared/prepaid-provider"

type VnpayOptions = { tmn_code: string }

/**
 * VNPay: the session only holds the amount and our reference (vnp_TxnRef); the signed redirect URL
 * is made when the shopper asks for it (store route), with the shopper's IP as VNPay requires.
 */
export default class VnpayProviderService extends PrepaidPaymentProvider<VnpayOptions> {
  static identifier = "vnpay"

  static validateOptions(options: Record<string, unknown>) {
    if (!options.tmn_code) throw new MedusaError(MedusaError.Types.INVALID_DATA, "VNPay provider options: tmn_code")
  }

  protected sessionData(amount: number, reference: string) {
    return { reference, amount }
  }
}
