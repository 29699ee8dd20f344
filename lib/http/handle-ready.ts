import "server-only";
import { writeSetting } from "@/db/team-queries";
import { isDraining } from "@/lib/runs/shutdown";
import { noteStorageFailure, recentStorageFailure } from "@/lib/runs/storage-health";
import { AppError } from "./app-error";

const notReady = (code: string, message: string) => Response.json({ ok: false, error: { code, message } }, { status: 503, headers: { "cache-control": "no-store" } });

/**
 * GET /api/ready: 200 once the database is migrated and takes a write. 503 while
 * draining, when the database is missing or refuses writes (a full disk), or when
 * a run could not be recorded in the last 30 s. /api/health stays the cheap liveness check.
 */
export async function handleReady(): Promise<Response> {
  if (isDraining()) return notReady("shutting_down", "This server is shutting down.");
  try {
    // A write, not a read: a full disk still answers SELECT 1.
    await writeSetting("ready-probe", { at: new Date().toISOString() });
  } catch (error) {
    if (error instanceof AppError) return notReady(error.code, error.message);
    noteStorageFailure(error);
    return notReady("storage_unavailable", `The database refuses writes: ${error instanceof Error ? error.message : String(error)}`);
  }
  const failure = recentStorageFailure();
  if (failure) return notReady("storage_unavailable", `A run could not be recorded ${Math.round((Date.now() - failure.at) / 1000)} s ago: ${failure.message}`);
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
