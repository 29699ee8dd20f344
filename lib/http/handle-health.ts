import "server-only";
import { pingDatabase } from "@/db/queries";
import { isDraining } from "@/lib/runs/shutdown";
import { AppError } from "./app-error";

export async function handleHealth(): Promise<Response> {
  // A load balancer stops sending requests here while streams drain.
  if (isDraining()) return Response.json({ ok: false, error: { code: "shutting_down", message: "This server is shutting down." } }, { status: 503 });
  try {
    return Response.json({ ok: await pingDatabase() });
  } catch (error) {
    // A deployment without a database says what to add; anything else is a database that does not answer.
    if (error instanceof AppError) return Response.json({ ok: false, error: { code: error.code, message: error.message } }, { status: 503 });
    return Response.json({ ok: false, error: { code: "database_unavailable", message: "The database does not answer." } }, { status: 503 });
  }
}
