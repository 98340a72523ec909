import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { PortalLogin } from "~/components/PortalLogin";
import { loginAction, loginLoader } from "~/lib/portal.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loginLoader(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return loginAction(request, "curator", context.clientIp);
}

export default function TradeCenterLogin() {
  return <PortalLogin title="portal.login" intro="portal.tcIntro" />;
}
