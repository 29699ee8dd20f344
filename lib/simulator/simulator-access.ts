import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { AppError } from "@/lib/http/app-error";

/** The token this server's own runs present to its simulator endpoint (derived from the session secret, never sent to a browser). */
export function simulatorToken(): string {
  return createHmac("sha256", authSecret()).update("playground-simulator").digest("base64url");
}

function isServerToken(authorization: string | null): boolean {
  if (!authorization?.toLowerCase().startsWith("bearer ")) return false;
  const given = Buffer.from(authorization.slice(7).trim());
  const expected = Buffer.from(simulatorToken());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The simulator answers this server's runs, and anyone signed in who may run. Refusals are in OpenAI's error shape. */
export async function refuseSimulatorCaller(request: Request): Promise<Response | null> {
  if (isServerToken(request.headers.get("authorization"))) return null;
  try {
    requirePermission(await requireActor(request), "run");
    return null;
  } catch (error) {
    const status = error instanceof AppError ? error.status : 401;
    const message = error instanceof AppError ? error.message : "Unauthorized";
    // OpenAI's shape: code is a string (the error's own), param names nothing.
    const code = error instanceof AppError ? error.code : "invalid_api_key";
    return Response.json({ error: { message, type: status === 401 ? "authentication_error" : "permission_error", param: null, code } }, { status });
  }
}
