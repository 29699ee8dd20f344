import "server-only";
import { pingDatabase } from "@/db/queries";

export async function handleHealth(): Promise<Response> {
  try {
    return Response.json({ ok: await pingDatabase() });
  } catch {
    return Response.json({ ok: false, error: { code: "database_unavailable", message: "The database does not answer." } }, { status: 503 });
  }
}
