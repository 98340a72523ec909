import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import type { UploadPurpose } from "../../lib/uploads"

export type UploadRecordInput = {
  producer_id: string
  purpose: UploadPurpose
  file_key: string
  mime_type: string
  size: number
  sha256: string
  original_name: string | null
}

/** Records who owns a stored file and what it is for; undone by deleting the record. */
export const createUploadStep = createStep(
  "ocop-create-upload",
  async (input: UploadRecordInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const created = await ocop.createUploads(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<OcopModuleService>(OCOP_MODULE).deleteUploads(id)
  }
)
