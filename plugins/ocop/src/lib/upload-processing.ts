/**
 * Turns an accepted upload into the bytes we store. Images are decoded and re-encoded (sharp):
 * EXIF and any trailing payload are dropped, the orientation applied, and the longest side kept
 * within 2000 px. A file that claims to be an image but does not decode is refused. PDFs are
 * stored as sent (they are served with their own type, `nosniff` and a sandboxing CSP).
 */
import { createHash } from "node:crypto"
import sharp from "sharp"
import { EXTENSION_OF, type FileKind, MIME_OF, sniffFileKind } from "./uploads"

export type ProcessedUpload = {
  bytes: Buffer
  kind: FileKind
  mime_type: string
  extension: string
  sha256: string
}

const MAX_SIDE = 2000

/** null when the image does not decode (a corrupt or disguised file). */
export async function processUpload(original: Buffer): Promise<ProcessedUpload | null> {
  const kind = sniffFileKind(original)
  if (!kind) return null
  // The hash of what was sent: the same file sent twice is recognised before any work.
  const sha256 = createHash("sha256").update(original).digest("hex")
  if (kind === "pdf") return { bytes: original, kind, mime_type: MIME_OF.pdf, extension: EXTENSION_OF.pdf, sha256 }
  try {
    const image = sharp(original, { failOn: "error", limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
    const out = kind === "png" ? await image.png().toBuffer() : await image.webp({ quality: 82 }).toBuffer()
    const outKind: FileKind = kind === "png" ? "png" : "webp"
    return { bytes: out, kind: outKind, mime_type: MIME_OF[outKind], extension: EXTENSION_OF[outKind], sha256 }
  } catch {
    return null
  }
}
