/**
 * Remix's <Scripts>, changed so that the page's JavaScript is fetched after the page has painted
 * (issue 14). Remix writes one `<link rel="modulepreload">` per chunk (17 on a catalogue page) and a
 * module script whose static imports fetch them at once: on a phone network those 130 KB compete
 * with the HTML's own images and hold the first paint and the LCP image back. Every shopper page
 * works without JavaScript (forms post, links navigate), so hydration can wait for the `load`
 * event and the next frame; then the same modules load and hydrate as before.
 *
 * Only routes that say so in their `handle` (the anonymous catalogue pages Lighthouse is measured
 * on: home, search, product) wait; portals, cart and checkout hydrate at once, as Remix does.
 *
 * The element tree <Scripts> returns is rewritten the same way on the server and in the browser,
 * so hydration sees the markup the server sent: no preload links, and the module script's static
 * `import`s turned into dynamic ones that run after load. The rest of its text (the partial route
 * manifest, the route modules, the entry import) is kept as Remix wrote it.
 */
import { Scripts, useMatches } from "@remix-run/react";
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode, useEffect } from "react";

type ScriptsProps = Parameters<typeof Scripts>[0];

const STATIC_IMPORT = /^import (?:\* as (\w+) from )?("[^"\n]+");?$/gm;

/**
 * The module script's text with its static imports made dynamic, run after `load` and one frame
 * (the frame that paints the LCP element). `preloads` (the chunks Remix would have preloaded) are
 * then fetched at once rather than discovered import by import. Returns the text unchanged if it
 * has no static import.
 */
export function deferModuleScript(text: string, preloads: readonly string[] = []): string {
  const imports: { name: string | undefined; specifier: string }[] = [];
  const rest = text.replace(STATIC_IMPORT, (_line, name: string | undefined, specifier: string) => {
    imports.push({ name, specifier });
    return "";
  });
  if (!imports.length) return text;
  const names = imports.map(({ name }, i) => name ?? `_side${i}`).join(",");
  const loads = imports.map(({ specifier }) => `import(${specifier})`).join(",");
  // The entry module hydrates as soon as it is evaluated, so it is imported last, after the route
  // modules are set. Preload links fetch it and the chunks alongside them, and go before hydration
  // (React would find elements the server did not render in <head>).
  const entry = rest.match(/^import\(("[^"\n]+")\);?$/m)?.[1];
  const hrefs = [...new Set([...(entry ? [JSON.parse(entry) as string] : []), ...preloads])];
  const body = rest.replace(/^;\s*/, "");
  return [
    `const start=()=>{const ls=${JSON.stringify(hrefs)}.map((h)=>{const l=document.createElement("link");` +
      'l.rel="modulepreload";l.href=h;document.head.append(l);return l;});' +
      `return Promise.all([${loads}]).then(([${names}])=>{for(const l of ls)l.remove();${body}})};`,
    "const afterPaint=()=>requestAnimationFrame(()=>setTimeout(start,0));",
    'document.readyState==="complete"?afterPaint():addEventListener("load",afterPaint,{once:true});',
  ].join("\n");
}

/** <Scripts>' tree without its preload links, whose targets the module script fetches after load. */
function rewrite(node: ReactNode, preloads: string[]): ReactNode {
  if (Array.isArray(node)) return node.map((child) => rewrite(child, preloads));
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Record<string, unknown>>;
  const props = element.props;
  if (element.type === "link" && props.rel === "modulepreload") {
    if (typeof props.href === "string") preloads.push(props.href);
    return null;
  }
  if (element.type === "script" && props.type === "module") {
    const html = (props.dangerouslySetInnerHTML as { __html?: string } | undefined)?.__html;
    if (typeof html !== "string") return element;
    return cloneElement(element, { dangerouslySetInnerHTML: { __html: deferModuleScript(html, preloads) } });
  }
  if (props.children === undefined) return element;
  // the links come before the module script in <Scripts>' tree: collected by the time it is rewritten
  const children = Children.toArray(props.children as ReactNode).map((child) => rewrite(child, preloads));
  return cloneElement(element, undefined, ...children);
}

/** A catalogue route's `handle`: its pages hydrate after load (`export const handle = hydrateAfterLoad`). */
export const hydrateAfterLoad = { hydrateAfterLoad: true } as const;

const wantsHydrationAfterLoad = (handle: unknown) =>
  typeof handle === "object" && handle !== null && "hydrateAfterLoad" in handle && handle.hydrateAfterLoad === true;

/** Set on <html> once the page has hydrated: until then a tap takes the no-JavaScript path. */
export const HYDRATED_ATTRIBUTE = "data-hydrated";

/**
 * Drop-in for Remix's <Scripts> (same props): on a route with the `hydrateAfterLoad` handle,
 * hydration starts after the page has loaded and painted.
 */
export function HydrateAfterLoad(props: ScriptsProps) {
  // Called as a function, not rendered, to rewrite what it returns; its hooks run as this component's.
  const scripts = Scripts(props);
  const deferred = useMatches().some((match) => wantsHydrationAfterLoad(match.handle));
  useEffect(() => document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, ""), []);
  return deferred ? (rewrite(scripts, []) as ReactElement | null) : scripts;
}
