// @vitest-environment node
import { describe, expect, it } from "vitest";
import { englishBuild, isEnglishPath } from "./language.mjs";

describe("English under /en", () => {
  it.each([
    ["/en", true],
    ["/en/", true],
    ["/en/products/tra", true],
    ["/en.data", true],
    ["/", false],
    ["/engine", false],
    ["/enx/products", false],
    ["/products/en", false],
  ])("%s → %s", (path, english) => {
    expect(isEnglishPath(path)).toBe(english);
  });

  it("runs the same routes with basename /en, leaving the Vietnamese build as it is", () => {
    const build = { basename: undefined, routes: { root: { id: "root" } } } as never;
    const english = englishBuild(build);
    expect(english.basename).toBe("/en");
    expect(english.routes).toBe((build as { routes: unknown }).routes);
    expect((build as { basename?: string }).basename).toBeUndefined();
  });
});
