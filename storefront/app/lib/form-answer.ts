import { useActionData } from "@remix-run/react";

type Fields = Partial<Record<string, string>>;

/**
 * A form page's last answer from its action, with the submitted values and the field errors to show
 * again (both empty before the first submission, and on answers that carry none).
 */
export function useFormAnswer<Action>() {
  const answer = useActionData<Action>();
  const { values = {}, errors = {} } = (answer ?? {}) as { values?: Fields; errors?: Fields };
  return { answer, values, errors };
}
