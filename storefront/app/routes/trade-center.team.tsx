import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PortalTeam, type TeamTexts } from "~/components/PortalTeam";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { teamAction, teamLoader } from "~/lib/portal-team.server";

export const loader = ({ request }: LoaderFunctionArgs) => teamLoader(request, "curator", tradeCenter.team);
export const action = ({ request }: ActionFunctionArgs) => teamAction(request, "curator", tradeCenter.team);

const TEXTS: TeamTexts = {
  title: "tc.team",
  intro: "tc.teamIntro",
  invite: "tc.invite",
  inviteEmail: "tc.inviteEmail",
  invitePasswordHint: "tc.invitePasswordHint",
  removeConfirm: "tc.removeConfirm",
};

/** The centre's logins: invite a colleague, remove one (asked twice; never one's own). */
export default function Team() {
  const { members } = useLoaderData<typeof loader>();
  return <PortalTeam members={members} texts={TEXTS} testId="tc-team" />;
}
