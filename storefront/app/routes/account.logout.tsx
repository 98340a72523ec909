import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { commit, getSession, PRIVATE_HEADERS } from "~/lib/session.server";

/** Sign-out forgets the token and the cart (it belongs to the account now); a GET goes home. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  session.unset("customerToken");
  session.unset("cartId");
  session.unset("cartCount");
  throw redirect("/", { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
}

export async function loader() {
  throw redirect("/account");
}
