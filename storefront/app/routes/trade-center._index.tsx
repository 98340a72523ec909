import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSession, PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (await getSession(request)).get("curatorToken");
  throw redirect(token ? "/trade-center/certifications" : "/trade-center/login", { headers: PRIVATE_HEADERS });
}
