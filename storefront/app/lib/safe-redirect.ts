/**
 * The one gate for every redirect whose target comes from the user
 * (`redirectTo` after a portal login, the language switch, …): only a path on
 * this site gets through, anything else becomes the fallback.
 *
 * Browsers are lenient where a naive check is strict: they drop tabs and
 * newlines (`/\t/evil` becomes `//evil`), read `\` as `/`, resolve `/.//evil`
 * to the path `//evil`, and some proxies decode `%2F` once more. So the value
 * is refused unless it is printable ASCII, starts with exactly one `/`, and
 * still is a same-origin path after decoding and after URL resolution. What
 * comes back is the resolved, normalised path, never the raw input.
 */

/** A host that cannot exist (RFC 2606), used only to resolve paths against. */
const PROBE = new URL("http://redirect-probe.invalid/");

const MAX_LENGTH = 2048;
/** Printable ASCII without the backslash: anything else is an encoding trick or a browser quirk. */
const PLAIN_PATH = /^[\x21-\x5b\x5d-\x7e]+$/;

function isPathOnThisSite(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && PLAIN_PATH.test(path);
}

/** The path part decoded until it stops changing (at most three rounds), or null when it is malformed. */
function decodedForms(pathPart: string): string[] | null {
  const forms = [pathPart];
  let current = pathPart;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

/** A decoded path may hold spaces and Vietnamese letters, but no control character and no
 * backslash, and must not begin with two slashes, also once its dot segments are resolved and
 * once look-alikes (／, ＼) are folded. */
function isHarmlessDecodedPath(form: string): boolean {
  return [form, form.normalize("NFKC")].every((f) => {
    if (!f.startsWith("/") || f.startsWith("//") || /[\x00-\x1f\x7f\\]/.test(f)) return false;
    try {
      const url = new URL(f, PROBE);
      return url.origin === PROBE.origin && !url.pathname.startsWith("//");
    } catch {
      return false;
    }
  });
}

export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!isPathOnThisSite(value)) return fallback;

  let resolved: URL;
  try {
    resolved = new URL(value, PROBE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE.origin) return fallback;

  // Only the path is decoded: once it is sound, the query and fragment cannot move the request
  // to another host, and decoding them would refuse honest searches such as `?q=a%2Fb`.
  const forms = decodedForms(resolved.pathname);
  if (!forms || !forms.every(isHarmlessDecodedPath)) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
