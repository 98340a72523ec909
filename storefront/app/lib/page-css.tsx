/**
 * The site's one stylesheet, inlined in each server-rendered page (issue 14): a `<link>` would hold
 * the first paint for a second round trip on a phone network. entry.server.tsx provides the text
 * (a server-only import, so it is not in the JavaScript bundle); in the browser the element keeps
 * the text the server wrote. Without a provider (vite dev, unit tests) the page links the file.
 */
import { createContext, useContext } from "react";

export const PageCssContext = createContext<string | undefined>(undefined);

const INLINE_ID = "page-css";

/** The inlined text as the browser received it, read once: hydration and later renders reuse it. */
let inlinedInBrowser: string | null | undefined;
function inlinedText(): string | null {
  if (inlinedInBrowser === undefined) {
    inlinedInBrowser =
      typeof document === "undefined" ? null : (document.getElementById(INLINE_ID)?.textContent ?? null);
  }
  return inlinedInBrowser;
}

export function PageStylesheet({ href, nonce }: { href: string; nonce?: string }) {
  const serverText = useContext(PageCssContext);
  const text = serverText ?? inlinedText();
  if (text == null) return <link rel="stylesheet" href={href} />;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the build's own stylesheet, not user input
  return <style id={INLINE_ID} nonce={nonce} dangerouslySetInnerHTML={{ __html: text }} />;
}
