import { describe, expect, it } from "vitest";
import { deferModuleScript } from "./hydrate-after-load";

// The module script Remix 2.17 writes with lazy route discovery (components.js, <Scripts>).
const remixModuleScript = `;
import * as route0 from "/assets/root-D750aTXX.js";
import * as route1 from "/assets/_index-Dxuk4m6q.js";
window.__remixManifest = {
  "entry": { "module": "/assets/entry.client-BEvrz68h.js", "imports": [] },
  "version": "e064207f"
};
window.__remixRouteModules = {"root":route0,"routes/_index":route1};

import("/assets/entry.client-BEvrz68h.js");`;

/** Runs the rewritten script with `import()` and the browser's timing functions stubbed. */
function runDeferred(text: string, readyState: "loading" | "complete") {
  const events: string[] = [];
  const head: { removed: boolean; href: string }[] = [];
  const listeners: (() => void)[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const win: Record<string, unknown> = {};
  const document = {
    readyState,
    createElement: () => {
      const link = {
        rel: "",
        href: "",
        removed: false,
        remove() {
          link.removed = true;
          events.push("preload removed");
        },
      };
      return link;
    },
    head: { append: (link: { removed: boolean; href: string }) => head.push(link) },
  };
  const load = (specifier: string) => {
    events.push(`import ${specifier}`);
    return Promise.resolve({ specifier });
  };
  const script = text.replaceAll("import(", "load(");
  new Function("window", "document", "load", "addEventListener", "requestAnimationFrame", "setTimeout", script)(
    win,
    document,
    load,
    (type: string, listener: () => void) => type === "load" && listeners.push(listener),
    (frame: () => void) => frames.push(frame),
    (timer: () => void) => timers.push(timer)
  );
  const settle = () => new Promise((resolve) => globalThis.setTimeout(resolve, 0));
  return { events, head, listeners, frames, timers, win, settle };
}

describe("hydration after load", () => {
  it("leaves no static import: nothing is fetched while the page is parsed", () => {
    const text = deferModuleScript(remixModuleScript);
    expect(text).not.toMatch(/^import /m);
    expect(text).toContain('import("/assets/root-D750aTXX.js")');
    expect(text).toContain('import("/assets/_index-Dxuk4m6q.js")');
  });

  it("loads the route modules after load and one frame, then the entry, with Remix's globals set", async () => {
    const run = runDeferred(deferModuleScript(remixModuleScript), "loading");
    expect(run.events).toEqual([]);
    expect(run.listeners).toHaveLength(1);

    run.listeners[0]();
    expect(run.events).toEqual([]);
    run.frames[0]();
    expect(run.events).toEqual([]);
    run.timers[0]();
    await run.settle();

    expect(run.head.map((link) => link.href)).toEqual(["/assets/entry.client-BEvrz68h.js"]);
    expect(run.events).toEqual([
      "import /assets/root-D750aTXX.js",
      "import /assets/_index-Dxuk4m6q.js",
      "preload removed",
      "import /assets/entry.client-BEvrz68h.js",
    ]);
    expect(run.win.__remixRouteModules).toEqual({
      root: { specifier: "/assets/root-D750aTXX.js" },
      "routes/_index": { specifier: "/assets/_index-Dxuk4m6q.js" },
    });
    expect(run.win.__remixManifest).toMatchObject({ version: "e064207f" });
  });

  it("preloads the chunks Remix would have preloaded, once each, and removes the links before hydrating", async () => {
    const chunks = ["/assets/entry.client-BEvrz68h.js", "/assets/components-IqnhUmSw.js", "/assets/index-DK1ZNr5T.js"];
    const run = runDeferred(deferModuleScript(remixModuleScript, chunks), "complete");
    expect(run.head).toEqual([]);
    run.frames[0]();
    run.timers[0]();
    expect(run.head.map((link) => link.href)).toEqual(chunks);
    await run.settle();
    expect(run.head.every((link) => link.removed)).toBe(true);
    expect(run.events.slice(-4)).toEqual([
      "preload removed",
      "preload removed",
      "preload removed",
      "import /assets/entry.client-BEvrz68h.js",
    ]);
  });

  it("starts after the next frame when the page had already loaded", async () => {
    const run = runDeferred(deferModuleScript(remixModuleScript), "complete");
    expect(run.listeners).toHaveLength(0);
    run.frames[0]();
    run.timers[0]();
    await run.settle();
    expect(run.events.at(-1)).toBe("import /assets/entry.client-BEvrz68h.js");
  });

  it("keeps a script without static imports as it is", () => {
    const text = 'import("/assets/entry.client.js");';
    expect(deferModuleScript(text)).toBe(text);
  });
});
