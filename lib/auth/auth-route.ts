import "server-only";
import { getUserByEmail } from "@/db/team-queries";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { clientAddress, publicOrigin } from "@/lib/http/client-address";
import { audit } from "@/lib/team/audit";
import { getAuth } from "./better-auth";

/** Deletes every `token` field (a session's, in any object or list of sessions) from a parsed body, in place. */
function dropTokens(value: unknown, depth: number): void {
  if (!value || typeof value !== "object" || depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) dropTokens(item, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  delete record.token;
  for (const child of Object.values(record)) dropTokens(child, depth + 1);
}

/**
 * Better Auth also puts the session token in some JSON bodies (sign-in, get-session,
 * and every session of list-sessions) (for bearer
 * clients we do not use). It belongs only in the httpOnly cookie.
 */
async function stripTokens(response: Response): Promise<Response> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON after all: passed on as it came */
  }
  dropTokens(body, 0);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(body && typeof body === "object" ? JSON.stringify(body) : text || null, { status: response.status, statusText: response.statusText, headers });
}

function withoutSessionTokens(response: Response): Promise<Response> | Response {
  return response.headers.get("content-type")?.includes("application/json") ? stripTokens(response) : response;
}

/**
 * Next hands handlers a URL on its own hostname (localhost:PORT); Better Auth
 * builds callback URLs from it. Re-address the request to where users reach
 * this instance (PUBLIC_URL, or the Host they used).
 */
async function atPublicOrigin(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const origin = publicOrigin(request);
  if (url.origin === origin) return request;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new Request(new URL(url.pathname + url.search, origin), { method: request.method, headers: request.headers, body, redirect: "manual" });
}

/** /api/auth/*: Better Auth's own endpoints, plus an audit row for each failed password sign-in. */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const mode = authEnv().mode;
  if (mode === "none" || mode === "header") {
    return new AppError("not_found", `Sign-in is not used with AUTH_MODE=${mode}.`).toResponse();
  }
  const signIn = request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email");
  const email = signIn ? await request.clone().json().then((b: { email?: unknown }) => (typeof b?.email === "string" ? b.email.toLowerCase().slice(0, 320) : null)).catch(() => null) : null;
  const response = await withoutSessionTokens(await (await getAuth()).handler(await atPublicOrigin(request)));
  if (signIn && (response.status === 401 || response.status === 403)) {
    const user = email ? await getUserByEmail(email) : undefined;
    await audit({
      action: "sign-in.failed",
      actor: user ? { id: user.id, email: user.email, role: user.role } : null,
      ip: clientAddress(request.headers),
      after: { status: response.status, email },
    });
  }
  return response;
}
