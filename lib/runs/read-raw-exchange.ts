import "server-only";
import { getRun, getRunExchange } from "@/db/queries";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { canReadContent, notFound, requireVisible } from "./run-access";
import { checkRunId } from "./read-runs";

// A run's raw view: the request body exactly as sent (attachments' base64
// elided, credentials redacted) and the response events as they came, before
// any batching. Whoever may read the run's text may read this.

export async function readRawExchange(id: string, actor: Actor, url: URL): Promise<Response> {
  checkRunId(id);
  const row = requireVisible(await getRun(id), id, actor);
  if (!canReadContent(row, actor)) throw notFound(id);
  const exchange = await getRunExchange(id);
  if (!exchange) {
    const why = row.status === "streaming" ? "the run is still streaming; it is kept when the run ends" : "this run made no provider request, or ran before raw exchanges were kept";
    throw new AppError("raw_not_found", `No raw exchange for run ${id}: ${why}.`);
  }
  const body = JSON.stringify({ runId: id, provider: row.provider, model: row.model, ...exchange }, null, 2);
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-store" };
  if (url.searchParams.get("download") === "1") headers["content-disposition"] = `attachment; filename="run-${id}-raw.json"`;
  return new Response(body, { headers });
}
