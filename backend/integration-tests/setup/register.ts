// medusa-config.ts is TypeScript: let Node load it the way `medusa` does.
import { register } from "ts-node"

register({ transpileOnly: true, swc: true, compilerOptions: { module: "commonjs" } })
process.env.ADMIN_DISABLED = "true"
process.env.NODE_ENV = process.env.NODE_ENV || "test"
if (!process.env.DB_HOST) {
  throw new Error(
    "DB_HOST is not set: run integration tests through `npm test` (scripts/test.mjs), which starts Postgres."
  )
}
// Every test file logs in and registers many times from 127.0.0.1: per-address limits sized for
// people would trip. The rate-limit spec sets its own small limits before the app boots.
process.env.OCOP_AUTH_IP_LIMIT ??= "100000"
