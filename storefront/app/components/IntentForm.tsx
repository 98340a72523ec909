import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A post form that asks the page's action for one thing (`intent`: delete, remove, remove-confirmed …)
 * about one record, named by hidden `fields`; `children` are its button and whatever it says.
 */
export function IntentForm({
  intent,
  fields = {},
  className,
  testId,
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className} data-testid={testId}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
