import type { IncomingMessage, ServerResponse } from "node:http"
import client from "prom-client"

/**
 * Prometheus metrics of one backend process (prom-client's default registry, so every plugin in the
 * process adds to the same page), served at GET /metrics (api/metrics/route.ts). In a cluster each
 * server and the worker is scraped on its own port; the labels say which (`server`).
 *
 * - http_request_duration_seconds{method,route,status}: every answer, by Express route pattern
 *   (`/store/ocop/search`, `/store/products/:id`), so ids never become labels; search latency is
 *   its `/store/ocop/search` series;
 * - ocop_listing_changes_total{change}: products the listing gate listed or delisted (counted when
 *   written: a workflow rolled back afterwards is included);
 * - ocop_job_runs_total{job,outcome} and ocop_job_duration_seconds{job}: scheduled jobs;
 * - the process's own figures (CPU, memory, event-loop lag, …).
 */
const server = process.env.OCOP_SERVER_NAME?.trim() || "backend"
client.register.setDefaultLabels({ server })
// Loaded more than once in a process (the API and the jobs): the process figures only once.
if (!client.register.getSingleMetric("process_cpu_user_seconds_total")) client.collectDefaultMetrics()

function metric<T>(name: string, make: () => T): T {
  // The API and jobs may be loaded more than once in a process: one metric per name.
  return (client.register.getSingleMetric(name) as T | undefined) ?? make()
}

export const httpDuration = metric(
  "http_request_duration_seconds",
  () =>
    new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    })
)

export const listingChanges = metric(
  "ocop_listing_changes_total",
  () =>
    new client.Counter({
      name: "ocop_listing_changes_total",
      help: "Products the listing gate put on sale (listed) or took off sale (delisted)",
      labelNames: ["change"],
    })
)

export const jobRuns = metric(
  "ocop_job_runs_total",
  () =>
    new client.Counter({
      name: "ocop_job_runs_total",
      help: "Scheduled job runs, by job and outcome (ok or failed)",
      labelNames: ["job", "outcome"],
    })
)

export const jobDuration = metric(
  "ocop_job_duration_seconds",
  () =>
    new client.Histogram({
      name: "ocop_job_duration_seconds",
      help: "Time a scheduled job run took",
      labelNames: ["job"],
      buckets: [0.05, 0.25, 1, 5, 15, 60, 300],
    })
)

/** Runs a scheduled job, counting its run and outcome; a failure is counted and thrown on. */
export async function measuredJob<T>(job: string, run: () => Promise<T>): Promise<T> {
  const stop = jobDuration.startTimer({ job })
  try {
    const result = await run()
    jobRuns.inc({ job, outcome: "ok" })
    return result
  } catch (error) {
    jobRuns.inc({ job, outcome: "failed" })
    throw error
  } finally {
    stop()
  }
}

/** Times one request from its first byte to its answer (called from the request hook). */
export function observeRequest(request: IncomingMessage, response: ServerResponse) {
  const started = process.hrtime.bigint()
  response.once("finish", () => {
    const express = request as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string }
    const pattern = typeof express.route?.path === "string" ? `${express.baseUrl ?? ""}${express.route.path}` : null
    httpDuration.observe(
      { method: request.method ?? "GET", route: pattern ?? "unmatched", status: String(response.statusCode) },
      Number(process.hrtime.bigint() - started) / 1e9
    )
  })
}

export const metricsContentType = client.register.contentType
export const metricsText = () => client.register.metrics()
