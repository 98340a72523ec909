import { createUpdateWithRestoreStep } from "./update-with-restore"

const RESTORABLE = [
  "status",
  "valid_from",
  "expires_at",
  "reason",
  "decided_by",
  "decided_at",
  "is_current",
  "expiry_warning_sent_at",
  "stars",
  "score",
  "decision_number",
  "decision_date",
  "issuing_authority",
] as const

/** Updates certifications; compensation restores every field it may have touched. */
export const updateCertificationsStep = createUpdateWithRestoreStep(
  "ocop-update-certifications",
  "Certifications",
  RESTORABLE
)
