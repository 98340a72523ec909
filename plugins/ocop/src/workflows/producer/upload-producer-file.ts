import { randomBytes } from "node:crypto"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { createUploadStep } from "../steps/create-upload"
import type { UploadPurpose } from "../../lib/uploads"

export type UploadProducerFileInput = {
  producer_id: string
  purpose: UploadPurpose
  /** Already sniffed and (for images) re-encoded: see lib/uploads.ts and lib/upload-processing.ts. */
  content_base64: string
  mime_type: string
  extension: string
  size: number
  sha256: string
  original_name: string | null
}

const requestPart = () => randomBytes(6).toString("hex")

/**
 * Stores a producer's file through the File Module (local or S3, as configured) and records it.
 * If recording fails (e.g. the same bytes were stored by a parallel request) the stored file is
 * deleted again by uploadFilesWorkflow's compensation.
 */
export const uploadProducerFileWorkflow = createWorkflow(
  "ocop-upload-producer-file",
  (input: UploadProducerFileInput) => {
    const files = transform({ input }, ({ input }) => ({
      files: [
        {
          // A name of our own (never the client's): the key is then safe in a URL path. The local
          // provider keys a file by millisecond + name, so parallel sends of the same bytes would share
          // one key and the losing request's compensation would delete the winner's file: a random
          // part keeps each request's stored file its own.
          filename: `${input.purpose}-${input.sha256.slice(0, 24)}-${requestPart()}.${input.extension}`,
          mimeType: input.mime_type,
          content: input.content_base64,
          access: "public" as const,
        },
      ],
    }))
    const stored = uploadFilesWorkflow.runAsStep({ input: files })
    const record = transform({ input, stored }, ({ input, stored }) => ({
      producer_id: input.producer_id,
      purpose: input.purpose,
      file_key: stored[0].id,
      mime_type: input.mime_type,
      size: input.size,
      sha256: input.sha256,
      original_name: input.original_name,
    }))
    const upload = createUploadStep(record)
    return new WorkflowResponse(upload)
  }
)
