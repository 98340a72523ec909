import { randomInt } from "node:crypto"
import { QRPay } from "vietnam-qr-pay"

/**
 * VietQR bank transfer to the platform's own account (decision 017). The account comes from the
 * environment only: a deployment that has not set it does not offer the method at all, so no
 * order can ever be paid into an account someone left in the source.
 */
export type BankAccount = {
  /** NAPAS bank identification number (6 digits, e.g. 970436 for Vietcombank). */
  bank_bin: string
  account_number: string
  /** The account holder as the bank shows it (upper case, no diacritics on most banks). */
  account_name: string
  bank_name: string | null
}

export const VIETQR_PROVIDER_ID = "pp_vietqr_vietqr"
export const VNPAY_PROVIDER_ID = "pp_vnpay_vnpay"
/** Payments that wait for money after the order is placed (cancelled when it never comes). */
export const PREPAID_PROVIDER_IDS = [VIETQR_PROVIDER_ID, VNPAY_PROVIDER_ID]

type Env = Record<string, string | undefined>

/** Field errors of a bank account as configured (empty when it is usable). */
export function bankAccountErrors(account: Partial<BankAccount>): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!/^\d{6}$/.test(account.bank_bin ?? "")) errors.bank_bin = "must be the bank's 6-digit NAPAS BIN"
  if (!/^[0-9A-Za-z]{4,19}$/.test(account.account_number ?? ""))
    errors.account_number = "must be 4–19 letters or digits"
  if (!account.account_name?.trim()) errors.account_name = "is required"
  return errors
}

/** The platform's account from OCOP_VIETQR_*; null when unset (the method is then not offered). */
export function bankTransferAccount(env: Env = process.env): BankAccount | null {
  const account = {
    bank_bin: env.OCOP_VIETQR_BANK_BIN?.trim() ?? "",
    account_number: env.OCOP_VIETQR_ACCOUNT_NUMBER?.trim() ?? "",
    account_name: env.OCOP_VIETQR_ACCOUNT_NAME?.trim() ?? "",
    bank_name: env.OCOP_VIETQR_BANK_NAME?.trim() || null,
  }
  if (!account.bank_bin && !account.account_number && !account.account_name) return null
  const errors = bankAccountErrors(account)
  if (Object.keys(errors).length) {
    throw new Error(
      `OCOP_VIETQR_* is set but not usable (${Object.entries(errors)
        .map(([k, v]) => `${k} ${v}`)
        .join("; ")}); fix it or unset all OCOP_VIETQR_* to turn bank transfer off.`
    )
  }
  return account
}

// No 0/O, 1/I/L: the reference is typed by hand into a banking app when the QR cannot be scanned.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
const REFERENCE_PATTERN = /OCOP[2-9A-HJKMNP-Z]{8}/

/** A short transfer reference such as OCOP7K3M9Q2X (31^8 ≈ 8.5·10^11 values, never reused by chance). */
export function newTransferReference(): string {
  let code = "OCOP"
  for (let i = 0; i < 8; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return code
}

/** The reference inside a bank's transfer description (banks upper-case, add prefixes and suffixes). */
export function referenceIn(description: string): string | null {
  return description.toUpperCase().replace(/\s+/g, "").match(REFERENCE_PATTERN)?.[0] ?? null
}

/** The EMVCo/NAPAS VietQR payload (dynamic, with amount and reference, ending in its CRC-16). */
export function vietQrPayload(account: BankAccount, amount: number, reference: string): string {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`amount must be whole đồng, got ${amount}`)
  return QRPay.initVietQR({
    bankBin: account.bank_bin,
    bankNumber: account.account_number,
    amount: String(amount),
    purpose: reference,
  }).build()
}

/** Minutes an unpaid transfer order waits before it is cancelled (OCOP_UNPAID_ORDER_MINUTES, default 24 h). */
export function unpaidOrderMinutes(env: Env = process.env): number {
  const raw = env.OCOP_UNPAID_ORDER_MINUTES?.trim()
  if (!raw) return 24 * 60
  const minutes = Number(raw)
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error("OCOP_UNPAID_ORDER_MINUTES must be a whole number ≥ 1")
  return minutes
}
