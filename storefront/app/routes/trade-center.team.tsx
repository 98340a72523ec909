import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PortalTeam, type TeamTexts } from "~/components/PortalTeam";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { asCurator, orNotFound } from "~/lib/portal.server";
import { teamAction } from "~/lib/portal-team.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { curators } = orNotFound(await asCurator(request, (token) => tradeCenter.curators(token)));
  return data({ curators }, { headers: PRIVATE_HEADERS });
}

export const action = ({ request }: ActionFunctionArgs) =>
  teamAction(request, { actor: "curator", invite: tradeCenter.inviteCurator, remove: tradeCenter.removeCurator });

const TEXTS: TeamTexts = {
  title: "tc.team",
  intro: "tc.teamIntro",
  you: "tc.you",
  invite: "tc.invite",
  inviteEmail: "tc.inviteEmail",
  invitePassword: "tc.invitePassword",
  invitePasswordHint: "tc.invitePasswordHint",
  invited: "tc.invited",
  remove: "tc.remove",
  removeConfirm: "tc.removeConfirm",
  removeConfirmButton: "tc.removeConfirmButton",
  removed: "tc.removed",
  cancel: "tc.cancel",
};

/** The centre's logins: invite a colleague, remove one (asked twice; never one's own). */
export default function Team() {
  const { curators } = useLoaderData<typeof loader>();
  return <PortalTeam members={curators} texts={TEXTS} testId="tc-team" />;
}
