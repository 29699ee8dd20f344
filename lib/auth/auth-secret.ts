import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { authEnv, readEnv } from "@/lib/env";

/**
 * The key that signs session cookies: AUTH_SECRET, or one made on first start
 * and kept in DATA_DIR (mode 0600), so a laptop or a single VPS needs no setup.
 * Several instances must share AUTH_SECRET.
 */
export function authSecret(): string {
  const configured = authEnv().secret;
  if (configured) return configured;
  const file = path.join(readEnv().dataDir, "auth-secret");
  // Read once per file: it is needed on every run (the simulator's token) and never changes under a running server.
  let secret = secretsByFile.get(file);
  if (!secret) secretsByFile.set(file, (secret = readOrCreateSecret(file)));
  return secret;
}

const secretsByFile = new Map<string, string>();

function readOrCreateSecret(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
