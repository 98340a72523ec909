import path from "node:path"
import { defineMiddlewares } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ADMIN_PATH, builtAdminHandler, servesBuiltAdmin } from "../lib/admin-static"

// `medusa start` runs in the build's folder (backend/.medusa/server), whose public/admin holds the dashboard.
const serveBuiltAdmin = servesBuiltAdmin() ? builtAdminHandler(path.join(process.cwd(), "public", "admin")) : undefined
if (servesBuiltAdmin() && !serveBuiltAdmin && process.env.NODE_ENV === "production")
  console.warn(`[admin] no built admin in ${path.join(process.cwd(), "public", "admin")}: ${ADMIN_PATH} is not served`)

export default defineMiddlewares({
  routes: serveBuiltAdmin
    ? [
        {
          matcher: ADMIN_PATH,
          middlewares: [
            (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => serveBuiltAdmin(req, res, next),
          ],
        },
      ]
    : [],
})
