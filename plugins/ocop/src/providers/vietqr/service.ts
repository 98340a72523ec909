import { MedusaError } from "@medusajs/framework/utils"
import { bankAccountErrors, type BankAccount, vietQrPayload } from "../../lib/bank-transfer"
import { PrepaidPaymentProvider } from "../shared/prepaid-provider"

/** VietQR bank transfer into the platform's account (options from OCOP_VIETQR_*, see medusa-config). */
export default class VietQrProviderService extends PrepaidPaymentProvider<BankAccount> {
  static identifier = "vietqr"

  static validateOptions(options: Record<string, unknown>) {
    const errors = bankAccountErrors(options as Partial<BankAccount>)
    if (Object.keys(errors).length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `VietQR provider options: ${JSON.stringify(errors)}`)
  }

  protected sessionData(amount: number, reference: string) {
    const account = this.config
    return {
      reference,
      amount,
      bank_bin: account.bank_bin,
      bank_name: account.bank_name ?? null,
      account_number: account.account_number,
      account_name: account.account_name,
      qr_payload: vietQrPayload(account, amount, reference),
    }
  }
}
