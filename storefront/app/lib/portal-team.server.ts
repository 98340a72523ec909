/**
 * A portal's team page (the trade centre's curators, a producer's shop logins): one action for
 * both. Invite a login with an initial password, remove one after a confirmation step. The backend
 * decides who may be removed (never one's own login, never a shop's owner) and answers in both languages.
 */
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Result } from "./backend/client.server";
import { type FieldErrors, loginSchema, parseForm, passwordEmailProblem, passwordProblem } from "./forms";
import { getLang } from "./lang.server";
import type { Actor } from "./backend/portal-api.server";
import type { TeamMember } from "./backend/views";
import { asCurator, asProducer, localizedRefusal, orNotFound } from "./portal.server";
import { PRIVATE_HEADERS } from "./session.server";

/** The backend's password rules, said in the page's language before anything is sent. */
const inviteSchema = loginSchema.superRefine((v, ctx) => {
  const problem = passwordProblem(v.password) ?? passwordEmailProblem(v.password, v.email);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
});

export type TeamActionData = {
  errors: FieldErrors;
  values: Record<string, string>;
  formError?: string;
  invited?: string;
  removed?: boolean;
  confirmRemove?: { id: string; email: string };
};

export type TeamCalls = {
  list: (token: string) => Promise<Result<TeamMember[]>>;
  invite: (token: string, email: string, password: string) => Promise<Result<unknown>>;
  remove: (token: string, id: string) => Promise<Result<unknown>>;
};

/** The team page's list of logins. */
export async function teamLoader(request: Request, actor: Actor, calls: TeamCalls) {
  const as = actor === "producer" ? asProducer : asCurator;
  const members = orNotFound(await as(request, (token) => calls.list(token)));
  return data({ members }, { headers: PRIVATE_HEADERS });
}

export async function teamAction(request: Request, actor: Actor, calls: TeamCalls) {
  const as = actor === "producer" ? asProducer : asCurator;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "remove" || intent === "remove-confirmed") {
    const id = z.string().min(1).safeParse(form.get("id"));
    if (!id.success) throw new Response(null, { status: 400, headers: PRIVATE_HEADERS });
    if (intent === "remove") {
      const email = String(form.get("email") ?? "");
      return data<TeamActionData>(
        { errors: {}, values: {}, confirmRemove: { id: id.data, email } },
        { headers: PRIVATE_HEADERS }
      );
    }
    const result = await as(request, (token) => calls.remove(token, id.data));
    if (!result.ok) {
      const refusal = localizedRefusal(result, await getLang(request));
      return data<TeamActionData>({ ...refusal, values: {} }, { status: result.status, headers: PRIVATE_HEADERS });
    }
    return data<TeamActionData>({ errors: {}, values: {}, removed: true }, { headers: PRIVATE_HEADERS });
  }
  const parsed = parseForm(inviteSchema, form);
  if (!parsed.ok) {
    return data<TeamActionData>(
      { errors: parsed.errors, values: { email: parsed.values.email ?? "" } },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  const result = await as(request, (token) => calls.invite(token, parsed.data.email, parsed.data.password));
  if (!result.ok) {
    const refusal = localizedRefusal(result, await getLang(request));
    return data<TeamActionData>(
      { ...refusal, values: { email: parsed.data.email } },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<TeamActionData>({ errors: {}, values: {}, invited: parsed.data.email }, { headers: PRIVATE_HEADERS });
}
