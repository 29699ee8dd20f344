import { execFileSync } from "node:child_process";
import path from "node:path";

/** Build the app once for every e2e test (E2E_SKIP_BUILD=1 reuses the last build). */
export default function globalSetup() {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  const root = path.resolve(import.meta.dirname, "../..");
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    // npm test type-checks before the e2e suite: the build need not do it again.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: "1" },
  });
}
