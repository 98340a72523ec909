import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSession, PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (await getSession(request)).get("producerToken");
  throw redirect(token ? "/producer/products" : "/producer/login", { headers: PRIVATE_HEADERS });
}
