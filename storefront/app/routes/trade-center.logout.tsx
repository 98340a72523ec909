import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logoutAction } from "~/lib/portal.server";

export async function action({ request }: ActionFunctionArgs) {
  return logoutAction(request, "curator");
}

export async function loader() {
  throw redirect("/trade-center");
}
