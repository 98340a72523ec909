import type { ActionFunctionArgs } from "@remix-run/node";
import { PortalLogin } from "~/components/PortalLogin";
import { loginAction } from "~/lib/portal.server";

export async function action({ request }: ActionFunctionArgs) {
  return loginAction(request, "producer");
}

export default function ProducerLogin() {
  return <PortalLogin title="portal.login" signup />;
}
