// English lives under /en (docs/decisions/013-language-in-the-url.md). The same Remix build serves
// both languages: for /en/… it runs with `basename: "/en"`, so the routes match unchanged, every
// <Link>, <Form> and navigation inside an English page stays under /en, and the client router is
// told the same basename by the server hand-off. Vietnamese stays at the unprefixed URLs.

/** The URL prefix of the English pages. */
export const ENGLISH_PREFIX = "/en";

/**
 * Does this path belong to the English handler? `/en`, `/en/…`, and `/en.data` (the data request
 * Remix's client makes for the English home page).
 * @param {string} path
 */
export function isEnglishPath(path) {
  return path === ENGLISH_PREFIX || path === `${ENGLISH_PREFIX}.data` || path.startsWith(`${ENGLISH_PREFIX}/`);
}

/**
 * A redirect written for the Vietnamese URLs (`redirect("/cart")`) keeps an English page English:
 * a same-site absolute path gets the /en prefix; anything else is left as it is.
 * @param {string} location
 */
export function englishLocation(location) {
  if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) return location;
  if (isEnglishPath(location.split(/[?#]/)[0])) return location;
  return location === "/" ? ENGLISH_PREFIX : `${ENGLISH_PREFIX}${location}`;
}

/** @param {unknown} value */
function prefixRedirect(value) {
  if (value instanceof Response && value.status >= 300 && value.status < 400) {
    const location = value.headers.get("Location");
    if (location) {
      try {
        value.headers.set("Location", englishLocation(location));
      } catch {
        // immutable headers (Response.redirect): leave the redirect as it is
      }
    }
  }
  return value;
}

/** @param {Function | undefined} fn */
function prefixingRedirects(fn) {
  if (typeof fn !== "function") return fn;
  return async (/** @type {unknown} */ args) => {
    try {
      return prefixRedirect(await fn(args));
    } catch (thrown) {
      throw prefixRedirect(thrown);
    }
  };
}

/**
 * The build the English handler runs: the same routes under basename /en, whose loaders' and
 * actions' redirects stay under /en.
 * @param {import("@remix-run/node").ServerBuild} build
 * @returns {import("@remix-run/node").ServerBuild}
 */
export function englishBuild(build) {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      {
        ...route,
        module: {
          ...route.module,
          ...(route.module.loader ? { loader: prefixingRedirects(route.module.loader) } : {}),
          ...(route.module.action ? { action: prefixingRedirects(route.module.action) } : {}),
        },
      },
    ])
  );
  return { ...build, basename: ENGLISH_PREFIX, routes };
}
