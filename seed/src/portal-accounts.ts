/**
 * Demo logins for the two portals, idempotent:
 * - a producer member for the demo producer of "Cà phê Arabica Cầu Đất" style shops in Lâm Đồng
 *   (auth actor "producer", app_metadata.producer_id), so /producer shows real products;
 * - the Lâm Đồng trade-promotion centre and its curator (auth actor "curator").
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createTradeCenterWorkflow } from "@ocop-marketplace/ocop/workflows/trade-center/create-trade-center"
import { demoPasswords } from "./demo-logins"
import { registerIdentity } from "./store-setup"

type Container = ExecArgs["container"]
type Log = (message: string) => void

export const PORTAL_ACCOUNTS = {
  producer: { email: "htx@ocop.vn", province_code: "68" },
  curator: {
    email: "xttm.lamdong@ocop.vn",
    province_code: "68",
    center: "Trung tâm Xúc tiến Thương mại tỉnh Lâm Đồng",
  },
}

export async function ensurePortalAccounts(container: Container, log: Log) {
  const auth = container.resolve(Modules.AUTH) as any
  const ocop = container.resolve("ocop") as any
  const { producer, curator } = PORTAL_ACCOUNTS

  const [shop] = await ocop.listProducers(
    { province_code: producer.province_code, status: "active" },
    { take: 1, order: { name: "ASC" } }
  )
  if (shop) {
    const identity = await registerIdentity(auth, producer.email, demoPasswords().producer)
    if (await actFor(auth, identity, "producer_id", shop.id)) log(`producer login ${producer.email} → ${shop.name}`)
  }

  let [center] = await ocop.listTradeCenters({ province_code: curator.province_code }, { take: 1 })
  if (!center) {
    const { result } = await createTradeCenterWorkflow(container).run({
      input: { name: curator.center, province_code: curator.province_code, email: curator.email },
    })
    center = result
    log(`created ${curator.center}`)
  }
  const identity = await registerIdentity(auth, curator.email, demoPasswords().curator)
  if (await actFor(auth, identity, "curator_id", center.id)) log(`curator login ${curator.email} → ${center.name}`)
}

/** Makes a login act for this producer or trade centre (its auth identity's app_metadata); true when it changed. */
async function actFor(
  auth: { updateAuthIdentities(update: { id: string; app_metadata: Record<string, unknown> }): Promise<unknown> },
  identity: { id: string; app_metadata?: Record<string, unknown> | null },
  key: "producer_id" | "curator_id",
  id: string
): Promise<boolean> {
  if (identity.app_metadata?.[key] === id) return false
  await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...(identity.app_metadata ?? {}), [key]: id } })
  return true
}
