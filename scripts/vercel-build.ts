// The build command on Vercel (vercel.json). Production deployments migrate
// the database before building, so a running function never has to; preview
// deployments never touch it (their functions refuse a database that needs
// migrating, with a message, rather than migrating production from a preview).
import { execFileSync } from "node:child_process";
import { databaseTarget, openDatabase } from "@/db";

async function main(): Promise<void> {
  const environment = process.env.VERCEL_ENV ?? "development";
  if (!process.env.DATABASE_URL?.trim()) {
    console.log("[vercel-build] no DATABASE_URL: the deployment will show how to add a Turso database");
  } else if (environment === "production") {
    const handle = await openDatabase(databaseTarget(), { migrate: true });
    handle.close();
    console.log("[vercel-build] production database migrated");
  } else {
    console.log(`[vercel-build] ${environment} deployment: migrations skipped (only production builds migrate)`);
  }
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

main().catch((error) => {
  console.error(`[vercel-build] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
