import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PortalTeam, type TeamTexts } from "~/components/PortalTeam";
import { vendor } from "~/lib/backend/producer-portal.server";
import { teamAction, teamLoader } from "~/lib/portal-team.server";

export const loader = ({ request }: LoaderFunctionArgs) => teamLoader(request, "producer", vendor.team);
export const action = ({ request }: ActionFunctionArgs) => teamAction(request, "producer", vendor.team);

const TEXTS: TeamTexts = {
  title: "pt.title",
  intro: "pt.intro",
  owner: "pt.owner",
  invite: "pt.invite",
  inviteEmail: "pt.inviteEmail",
  invitePasswordHint: "pt.invitePasswordHint",
  removeConfirm: "pt.removeConfirm",
};

/** The shop's logins: the owner invites a second person and removes them again; the owner stays. */
export default function ProducerTeam() {
  const { members } = useLoaderData<typeof loader>();
  return <PortalTeam members={members} texts={TEXTS} testId="producer-team" />;
}
