import {
  createWorkflow,
  type StepFunction,
  type WorkflowData,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { AuditEventInput } from "../../lib/audit"
import { LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { recordAuditEventsStep } from "../steps/record-audit-events"

/** One kind of settlement record (a payout, a cash collection) and how it is made once. */
export type RecordedOnce<TInput> = {
  /** The lock that serialises the requests that could record the same thing (parallel clicks, retries). */
  lockKey: (input: TInput) => string
  /** Runs inside the lock: the id of the record to replay, or null to create one (or a 409). */
  plan: StepFunction<TInput, { replayed_id: string | null }>
  /** Creates the record; its compensation deletes it. */
  create: StepFunction<TInput, { id: string }>
  /** The audit entry of a new record. */
  audit: (input: TInput, record: { id: string }) => AuditEventInput
}

/**
 * A workflow that records a settlement fact once: under its lock the first request creates the record
 * with its audit entry, the ones racing or retrying it get the same record back (`replayed`).
 */
export function recordOnceUnderLockWorkflow<TInput>(name: string, recorded: RecordedOnce<TInput>) {
  return createWorkflow(name, (input: WorkflowData<TInput>) => {
    const lockKey = transform({ input }, ({ input }) => recorded.lockKey(input as TInput))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
    const plan = recorded.plan(input)
    const created = when({ plan }, ({ plan }) => !plan.replayed_id).then(() => {
      const record = recorded.create(input)
      const events = transform({ input, record }, ({ input, record }) => [recorded.audit(input as TInput, record)])
      recordAuditEventsStep(events)
      return record
    })
    releaseLockStep({ key: lockKey })
    const result = transform({ plan, created }, ({ plan, created }) => ({
      id: (plan.replayed_id ?? created?.id) as string,
      replayed: !!plan.replayed_id,
    }))
    return new WorkflowResponse(result)
  })
}
