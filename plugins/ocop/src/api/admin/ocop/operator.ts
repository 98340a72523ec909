import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"

type Operator = { actor_type: "user"; actor_id: string | null }

/** The admin user behind a request, as a workflow's input carries its actor for the audit trail. */
export function operatorOf(req: AuthenticatedMedusaRequest): Operator {
  return { actor_type: "user", actor_id: req.auth_context?.actor_id ?? null }
}

type CreatingWorkflow<Input> = (scope: MedusaContainer) => {
  run: (options: { input: Input & Operator }) => Promise<{ result: unknown }>
}

/**
 * A POST that creates one record: runs `workflow` on the validated body as the operator and answers
 * 201 with the record under `key`.
 */
export function createdByOperator<Input>(workflow: CreatingWorkflow<Input>, key: string) {
  return async (req: AuthenticatedMedusaRequest<Input>, res: MedusaResponse) => {
    const { result } = await workflow(req.scope).run({ input: { ...req.validatedBody, ...operatorOf(req) } })
    res.status(201).json({ [key]: result })
  }
}
