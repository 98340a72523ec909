import { TextLink } from "~/components/TextLink";

/** Under a sign-in or sign-up form: "No account yet? Register" — the question and a link to the other page. */
export function OtherAccountPage({ question, to, link }: { question: string; to: string; link: string }) {
  return (
    <p className="mt-6 text-sm">
      {question} <TextLink to={to}>{link}</TextLink>
    </p>
  );
}
