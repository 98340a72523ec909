import fs from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"
import zlib from "node:zlib"

/**
 * The built dashboard's assets written once more, compressed, beside each file (`x.js.br`,
 * `x.js.gz`), so a server sends them as they are: Medusa's own admin router gzips its 7 MB main
 * chunk again on every request (≈ 0.15–0.3 s of CPU each), and brotli is 20 % smaller than that.
 * Served by ./admin-static.ts (`medusa start`) and by nginx's gzip_static (deploy/nginx.conf).
 */
const COMPRESSIBLE = /\.(m?js|css|svg|json|ttf|otf|txt|map)$/
const MIN_BYTES = 1024
const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Compresses every compressible file under `dir` (brotli and gzip); returns the bytes before and after. */
export async function precompressDirectory(dir: string) {
  const files = (await fs.readdir(dir, { recursive: true }))
    .map((f) => path.join(dir, f))
    .filter((f) => COMPRESSIBLE.test(f))
  let raw = 0
  let br = 0
  await Promise.all(
    files.map(async (file) => {
      const body = await fs.readFile(file)
      if (body.length < MIN_BYTES) return
      raw += body.length
      const [brotliBody, gzipBody] = await Promise.all([
        // Quality 9 with a 16 MB window: within 8 % of quality 11 for the main chunk at a tenth of its time.
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
            [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzip(body, { level: 9 }),
      ])
      // A variant that saves little is not worth a second file (the server then sends the original).
      if (brotliBody.length < body.length * 0.9) await fs.writeFile(`${file}.br`, brotliBody)
      if (gzipBody.length < body.length * 0.9) await fs.writeFile(`${file}.gz`, gzipBody)
      br += Math.min(brotliBody.length, body.length)
    })
  )
  return { files: files.length, raw, br }
}

/** The part of a Vite plugin used here (Vite's own types are not the backend's dependency). */
type BuildPlugin = {
  name: string
  apply: "build"
  configResolved(config: { root: string; build: { outDir: string } }): void
  closeBundle(): Promise<void>
}

/** Vite plugin for `admin.vite` in medusa-config.ts: precompresses the admin build's output. */
export function precompressAdminAssets(): BuildPlugin {
  let outDir = ""
  return {
    name: "ocop-precompress-admin-assets",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      const t = Date.now()
      const { files, raw, br } = await precompressDirectory(outDir)
      const mb = (n: number) => (n / 1048576).toFixed(1)
      const seconds = ((Date.now() - t) / 1000).toFixed(1)
      console.log(`[admin] precompressed ${files} files (${mb(raw)} MB → ${mb(br)} MB brotli) in ${seconds} s`)
    },
  }
}
