// POST /lang — switch the UI language (works without JavaScript).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { DEFAULT_LANG, isLang } from "~/lib/i18n";
import { langCookie } from "~/lib/lang.server";
import { safeRedirectPath } from "~/lib/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const requested = form.get("lang");
  const lang = isLang(requested) ? requested : DEFAULT_LANG;
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await langCookie.serialize(lang) },
  });
}

export function loader() {
  return redirect("/");
}
