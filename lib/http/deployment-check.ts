import { readEnv, type ServerEnv } from "@/lib/env";

// Checks that need only the environment, so proxy.ts can run them on every page.

const TURSO_SETUP_MESSAGE =
  "This deployment has no database. Vercel's filesystem is read-only and temporary, so the SQLite file the playground uses on a server cannot live there. Add a Turso database: set DATABASE_URL (libsql://<database>-<org>.turso.io) and DATABASE_AUTH_TOKEN in the project's environment variables, then redeploy.";

/** Why this deployment cannot store anything, or null when it can. */
export function databaseSetupProblem(env: ServerEnv = readEnv()): string | null {
  if (env.onVercel && !env.databaseUrl) return TURSO_SETUP_MESSAGE;
  return null;
}
