import "server-only";
import { markInterruptedRuns } from "@/db/queries";
import { assignOrphansTo, findOwner } from "@/db/team-queries";
import { getDb } from "@/db";
import { initOwnerFromEnv } from "@/lib/auth/setup-owner";
import { ensureLocalOwner } from "@/lib/auth/users";
import { ensureInitApiKey } from "@/lib/keys/api-keys";
import { authEnv } from "@/lib/env";
import { stampPeerAddress } from "@/lib/http/client-address";

/** On server start: check settings, migrate the database, close runs a previous process left streaming, make the first owner. */
export async function prepareOnStartup(): Promise<void> {
  try {
    authEnv();
  } catch (error) {
    // A wrong setting stops the server with one clear line, never a silent fallback.
    console.error(`[startup] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  stampPeerAddress();
  try {
    getDb();
  } catch (error) {
    console.error(`[startup] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const sweep = async () => {
    const interrupted = await markInterruptedRuns().catch(() => 0);
    if (interrupted > 0) console.log(`[runs] marked ${interrupted} run(s) whose instance stopped as interrupted`);
  };
  await sweep();
  // Every instance sweeps: a run whose lease ran out (its instance died) is closed within seconds.
  setInterval(() => void sweep(), 2000).unref();
  await initOwnerFromEnv();
  if (authEnv().mode === "none") await ensureLocalOwner();
  await ensureInitApiKey(authEnv().initApiKey);
  const owner = await findOwner();
  if (owner) await assignOrphansTo(owner.id);
}
