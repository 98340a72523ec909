import { createUpdateWithRestoreStep } from "./update-with-restore"

const RESTORABLE = [
  "status",
  "status_reason",
  "name",
  "ward",
  "address",
  "phone",
  "email",
  "story",
  "logo_url",
  "province_code",
  "entity_type",
] as const

/** Updates producers; compensation restores every field it may have touched. */
export const updateProducersStep = createUpdateWithRestoreStep("ocop-update-producers", "Producers", RESTORABLE)
