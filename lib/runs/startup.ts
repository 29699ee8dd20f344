import "server-only";
import { assignOrphansTo, findOwner } from "@/db/team-queries";
import { closeDatabase, getDb } from "@/db";
import { handleShutdownSignals } from "./shutdown";
import { keepLeases } from "./run-leases";
import { databaseSetupProblem } from "@/lib/http/deployment-check";
import { uploadStorage } from "@/lib/uploads/storage";
import { initOwnerFromEnv } from "@/lib/auth/setup-owner";
import { ensureLocalOwner } from "@/lib/auth/users";
import { ensureInitApiKey } from "@/lib/keys/api-keys";
import { authEnv, readEnv } from "@/lib/env";
import { stampPeerAddress } from "@/lib/http/client-address";

/** On server start: check settings, migrate the database, close runs a previous process left streaming, make the first owner. */
export async function prepareOnStartup(): Promise<void> {
  try {
    readEnv();
    authEnv();
    uploadStorage();
  } catch (error) {
    // A wrong setting stops the server with one clear line, never a silent fallback.
    console.error(`[startup] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  stampPeerAddress();
  const setupProblem = databaseSetupProblem();
  if (setupProblem) {
    // Pages explain it (proxy.ts) and API calls answer 503 with it; nothing to prepare.
    console.error(`[startup] ${setupProblem}`);
    return;
  }
  // `next dev` restarts itself; only a served build drains on SIGTERM.
  if (readEnv().production) handleShutdownSignals(closeDatabase);
  try {
    await getDb();
  } catch (error) {
    console.error(`[startup] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  keepLeases();
  await initOwnerFromEnv();
  if (authEnv().mode === "none") await ensureLocalOwner();
  await ensureInitApiKey(authEnv().initApiKey);
  const owner = await findOwner();
  if (owner) await assignOrphansTo(owner.id);
}
