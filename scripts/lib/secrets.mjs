// The secrets `npm start` and `npm test` give the backend (JWT_SECRET, COOKIE_SECRET) and the
// storefront (SESSION_SECRET). There is no default in the source: the first run generates random
// values into the git-ignored .data/secrets.json (readable by its owner only) and every later run
// reuses them, so logins survive a restart. A value set in the environment wins over the file.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ROOT } from "./postgres.mjs"

export const SECRET_NAMES = ["JWT_SECRET", "COOKIE_SECRET", "SESSION_SECRET"]
export const SECRETS_FILE = path.join(ROOT, ".data", "secrets.json")

function readSecretsFile(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (error) {
    if (error.code === "ENOENT") return {}
    throw new Error(`${file} is not valid JSON: fix or delete it (new secrets will be generated; existing logins end).`)
  }
}

/** { JWT_SECRET, COOKIE_SECRET, SESSION_SECRET }: from the environment, else the file, generating what is missing. */
export function ensureSecrets({ file = SECRETS_FILE, env = process.env } = {}) {
  const stored = readSecretsFile(file)
  const missing = SECRET_NAMES.filter((name) => typeof stored[name] !== "string" || stored[name].length < 32)
  if (missing.length) {
    for (const name of missing) stored[name] = crypto.randomBytes(32).toString("hex")
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // Written to a temporary file first so that an interrupted run never leaves half a file.
    const temporary = `${file}.${process.pid}.tmp`
    fs.writeFileSync(temporary, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 })
    fs.renameSync(temporary, file)
  }
  fs.chmodSync(file, 0o600)
  const secrets = {}
  for (const name of SECRET_NAMES) secrets[name] = env[name]?.trim() || stored[name]
  return secrets
}

export const backendSecrets = ({ JWT_SECRET, COOKIE_SECRET }) => ({ JWT_SECRET, COOKIE_SECRET })
export const storefrontSecrets = ({ SESSION_SECRET }) => ({ SESSION_SECRET })
