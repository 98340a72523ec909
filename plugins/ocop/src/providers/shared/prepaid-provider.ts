import {
  AbstractPaymentProvider,
  BigNumber,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { newTransferReference } from "../../lib/bank-transfer"

/** Whole đồng from Medusa's amount (a number, string or BigNumber). */
export function wholeDong(amount: unknown): number {
  const value = new BigNumber(amount as number).numeric
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Số tiền phải là số đồng nguyên dương (EN: amount must be whole đồng), got ${value}.`
    )
  }
  return value
}

/**
 * A payment made after the order is placed (bank transfer, VNPay): the session is authorized when
 * the cart completes — the order then waits as "awaiting payment" — and captured when the money is
 * confirmed (signed notification or an operator). Confirmation comes through our own routes, which
 * keep a ledger of notifications (module ocopPayment), not through Medusa's generic webhook.
 */
export abstract class PrepaidPaymentProvider<Options> extends AbstractPaymentProvider<Options> {
  // Medusa's base constructor is protected; the Payment Module constructs providers itself.
  constructor(cradle: Record<string, unknown>, config?: Options) {
    super(cradle, config)
  }

  /** What the session keeps for this amount and reference (shown to the shopper). */
  protected abstract sessionData(amount: number, reference: string): Record<string, unknown>

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const reference = newTransferReference()
    return { id: reference, data: this.sessionData(wholeDong(input.amount), reference) }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const reference = String(input.data?.reference ?? newTransferReference())
    return { data: this.sessionData(wholeDong(input.amount), reference) }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { data: input.data ?? {}, status: PaymentSessionStatus.AUTHORIZED }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data ?? {} }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: input.data ?? {} }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async getPaymentStatus(_input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED }
  }

  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
