/** What an OCOP audit event is about, and by whom: one row of the audit trail. */
export type AuditEventInput = {
  entity_type: "producer" | "certification" | "listing" | "trade_center"
  entity_id: string
  action: string
  actor_type?: string
  actor_id?: string | null
  message?: string | null
  data?: Record<string, unknown> | null
}

/** Who asked for a change, as a workflow's input carries it. */
export type AuditActor = { actor_type?: string | null; actor_id?: string | null }

/**
 * One audit event. Given the actor of a request, the event is theirs (a person — "user" — unless the
 * request says otherwise); without one it is the system's (the record step's default).
 */
export function auditEvent(event: AuditEventInput, by?: AuditActor): AuditEventInput {
  return by ? { ...event, actor_type: by.actor_type ?? "user", actor_id: by.actor_id ?? null } : event
}

/** Whether a recorded event was made by this actor under this Idempotency-Key: a retried request's earlier effect. */
export function madeUnderKey(
  event: { actor_type?: string | null; actor_id?: string | null; data?: unknown },
  request: AuditActor & { idempotency_key?: string | null }
) {
  return (
    (event.data as { idempotency_key?: unknown } | null | undefined)?.idempotency_key === request.idempotency_key &&
    event.actor_type === (request.actor_type ?? "user") &&
    (event.actor_id ?? null) === (request.actor_id ?? null)
  )
}
