/**
 * The CSP nonce of the current response. The Express server (server/security.mjs) makes one per
 * request and puts it in the CSP header and Remix's load context; entry.server.tsx provides it
 * here so root.tsx can stamp it on Remix's inline scripts. In the browser it is empty: scripts
 * added after hydration are modules from this site, which the CSP allows by 'self'.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
