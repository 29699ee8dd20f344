import "server-only";
import { markInterruptedRuns } from "@/db/queries";
import { getDb } from "@/db";

/** On server start: migrate the database and close runs a previous process left streaming. */
export async function prepareOnStartup(): Promise<void> {
  getDb();
  const interrupted = await markInterruptedRuns();
  if (interrupted > 0) console.log(`[startup] marked ${interrupted} run(s) as interrupted`);
}
