// English lives under /en (docs/decisions/013-language-in-the-url.md). The same Remix build serves
// both languages: for /en/… it runs with `basename: "/en"`, so the routes match unchanged, every
// <Link>, <Form>, navigation and loader/action redirect ("/cart" becomes "/en/cart": React Router
// resolves redirect paths against the basename) stays under /en, and the client router is told the
// same basename by the server hand-off. Vietnamese stays at the unprefixed URLs.

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
 * The build the English handler runs: the same routes under basename /en.
 * @param {import("@remix-run/node").ServerBuild} build
 * @returns {import("@remix-run/node").ServerBuild}
 */
export function englishBuild(build) {
  return { ...build, basename: ENGLISH_PREFIX };
}
