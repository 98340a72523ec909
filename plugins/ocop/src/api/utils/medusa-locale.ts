import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendFieldErrors } from "./validate"

// A BCP 47 tag as Medusa's normalizeLocale understands it: language, optional script and region.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/

/**
 * Medusa registers its locale middleware on /store before any middleware a plugin or the app can
 * define, and it calls `locale.split` on `?locale`: an array (`?locale=a&locale=b`) or an object
 * (`?locale[x]=1`) throws inside an async middleware that Express 4 never awaits, so the request
 * never answers. It also deletes `locale` from the query (our search reads the raw query string).
 *
 * The only seam that runs before it is the module it lives in: the router reads `applyLocale`
 * from it when it registers the middleware, after it has imported every middlewares.ts, so this
 * wrapper — installed when our middlewares.ts is imported — is what gets registered. It answers a
 * 400 naming `locale` for anything but one language tag (an empty one is dropped), and passes any
 * other failure to Express.
 * Checked by integration-tests/http/security/fuzz.spec.ts; re-check when upgrading Medusa.
 */
export function guardMedusaLocaleMiddleware(): boolean {
  let mod: any
  try {
    const httpEntry = require.resolve("@medusajs/framework/http")
    mod = require(path.join(path.dirname(httpEntry), "middlewares", "apply-locale.js"))
  } catch {
    return false
  }
  if (typeof mod?.applyLocale !== "function" || mod.applyLocale.ocopGuarded) return !!mod?.applyLocale?.ocopGuarded
  const medusaApplyLocale = mod.applyLocale
  const applyLocale = function applyLocale(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const locale = (req.query as any)?.locale
    // An empty ?locale= states no preference: drop it, as Medusa drops a locale it has read.
    if (locale === "") delete (req.query as any).locale
    else if (locale !== undefined && (typeof locale !== "string" || !LANGUAGE_TAG.test(locale))) {
      return sendFieldErrors(res, { locale: "Give one language tag, e.g. locale=vi or locale=en." })
    }
    return Promise.resolve(medusaApplyLocale(req, res, next)).catch(next)
  }
  ;(applyLocale as any).ocopGuarded = true
  mod.applyLocale = applyLocale
  return true
}
