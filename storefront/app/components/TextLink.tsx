import { Link, type LinkProps } from "@remix-run/react";

/** A link inside text (underlined, in the lacquer red), to another page of the site. */
export function TextLink(props: Omit<LinkProps, "className">) {
  return <Link {...props} className="font-medium text-lacquer-700 underline" />;
}
