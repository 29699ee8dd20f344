import "server-only";
import { z } from "zod";
import { auditRowsInOrder, listAudit } from "@/db/team-queries";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { AUDIT_ACTIONS, auditJson } from "./audit";

const querySchema = z.object({
  cursor: z.coerce.number().int().positive().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().max(320).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /api/admin/audit?cursor&action&actor: newest first. */
export async function listAuditRecords(url: URL) {
  const query = parseOr400(querySchema, Object.fromEntries(url.searchParams), "invalid_query");
  const rows = await listAudit(query);
  const last = rows[rows.length - 1];
  return { entries: rows.map(auditJson), nextCursor: rows.length === query.limit && last ? last.seq : null };
}

/** The whole log as JSON Lines, oldest first, streamed. */
export function auditJsonlResponse(): Response {
  const encoder = new TextEncoder();
  const rows = auditRowsInOrder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(auditJson(next.value))}\n`));
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.jsonl"` },
  });
}
