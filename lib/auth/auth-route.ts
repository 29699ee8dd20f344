import "server-only";
import { getUserByEmail } from "@/db/team-queries";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { audit } from "@/lib/team/audit";
import { getAuth } from "./better-auth";

/**
 * Better Auth also puts the session token in some JSON bodies (for bearer
 * clients we do not use). It belongs only in the httpOnly cookie.
 */
async function stripTokens(response: Response): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  if (body && typeof body === "object") {
    delete body.token;
    if (body.session && typeof body.session === "object") delete (body.session as Record<string, unknown>).token;
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
}

function withoutSessionTokens(response: Response): Promise<Response> | Response {
  return response.headers.get("content-type")?.includes("application/json") ? stripTokens(response) : response;
}

/** /api/auth/*: Better Auth's own endpoints, plus an audit row for each failed password sign-in. */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const mode = authEnv().mode;
  if (mode === "none" || mode === "header") {
    return new AppError(404, "not_found", `Sign-in is not used with AUTH_MODE=${mode}.`).toResponse();
  }
  const signIn = request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email");
  const email = signIn ? await request.clone().json().then((b: { email?: unknown }) => (typeof b?.email === "string" ? b.email.toLowerCase().slice(0, 320) : null)).catch(() => null) : null;
  const response = await withoutSessionTokens(await getAuth().handler(request));
  if (signIn && (response.status === 401 || response.status === 403)) {
    const user = email ? await getUserByEmail(email) : undefined;
    audit({
      action: "sign-in.failed",
      actor: user ? { id: user.id, email: user.email, role: user.role } : null,
      ip: clientAddress(request.headers),
      after: { status: response.status, email },
    });
  }
  return response;
}
