import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { databaseSetupProblem } from "@/lib/http/deployment-check";
import { directUploadOrigin } from "@/lib/uploads/storage/direct-upload-origin";
import { addressFrom, isLoopback } from "@/lib/http/peer";
import { hostRefusal } from "@/lib/http/host-check";
import { authEnv, readEnv, readStorageEnv } from "@/lib/env";
import { contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

// Runs before every page (not /api, not static files): security headers with
// a fresh CSP nonce; the no-sign-in laptop mode refused to other machines; a
// cheap "is there a session cookie at all" redirect to sign-in. The real
// session check happens in the pages and route handlers.

const PUBLIC_PAGES = [/^\/sign-in$/, /^\/setup$/, /^\/invite\/[^/]+$/, /^\/r\/[^/]+$/];

function plainPage(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">${body}</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", ...STATIC_SECURITY_HEADERS, "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" } });
}

/** Instead of a 500 on every page: a deployment without a database says how to add one. */
function databaseSetupPage(problem: string): Response {
  return plainPage(
    503,
    "Add a Turso database",
    `<h1>Add a Turso database</h1>
<p>${problem.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>
<ol>
<li>Create a database: <code>turso db create playground</code>, then <code>turso db show playground --url</code> and <code>turso db tokens create playground</code>.</li>
<li>In the Vercel project, set <code>DATABASE_URL</code> and <code>DATABASE_AUTH_TOKEN</code> (Production), plus <code>AUTH_SECRET</code> and <code>BLOB_READ_WRITE_TOKEN</code> for uploads.</li>
<li>Redeploy: the production build creates the tables.</li>
</ol>`,
  );
}

function wrongHostPage(reason: string): Response {
  return plainPage(403, "Not available under this name", `<h1>Not available under this name</h1><p>${reason.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`);
}

function refusedPage(): Response {
  return plainPage(
    403,
    "Not available",
    `<h1>This playground only answers on its own machine</h1>
<p>It runs without sign-in (<code>AUTH_MODE=none</code>, the default for <code>npm start</code>), so requests from other addresses are refused.</p>
<p>To share it with a team, set <code>AUTH_MODE=password</code> (and <code>PUBLIC_URL</code>) and restart; see "Run it for a team" in the README.</p>`,
  );
}

/**
 * A path whose percent-encoding does not decode (`/r/%ff`), or that hides dot
 * segments in it (`/api/v1/models/%2e%2e/x`), names nothing: answered before
 * routing would fail on it or resolve it somewhere else.
 */
function undecodable(path: string): boolean {
  try {
    return /(^|\/)\.{1,2}(\/|$)/.test(decodeURIComponent(path));
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const path0 = request.nextUrl.pathname;
  if (undecodable(path0)) {
    return path0.startsWith("/api/")
      ? Response.json({ error: { code: "invalid_path", message: "The path has malformed percent-encoding or dot segments hidden in it." } }, { status: 400 })
      : plainPage(404, "Not found", "<h1>Not found</h1><p>The address has malformed percent-encoding or dot segments hidden in it.</p>");
  }
  // API routes only pass through here for the check above.
  if (path0.startsWith("/api/")) return NextResponse.next();
  const env = authEnv();
  const { mode, trustProxy, publicUrl } = env;
  const path = request.nextUrl.pathname;

  const setupProblem = databaseSetupProblem();
  if (setupProblem) return databaseSetupPage(setupProblem);

  const wrongHost = hostRefusal(request.headers, env);
  if (wrongHost) return wrongHostPage(wrongHost);

  if (mode === "none" && !isLoopback(addressFrom(request.headers, trustProxy))) return refusedPage();

  if ((mode === "password" || mode === "oidc") && !PUBLIC_PAGES.some((p) => p.test(path)) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.search = `?next=${encodeURIComponent(path + request.nextUrl.search)}`;
    return NextResponse.redirect(signIn);
  }

  const https = publicUrl ? publicUrl.startsWith("https:") : trustProxy && request.headers.get("x-forwarded-proto") === "https";
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: readEnv().development, https, uploadOrigin: directUploadOrigin(readStorageEnv()) });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API paths come here only when they carry percent-encoding, so the check above costs other requests nothing.
    "/api/(.*%.*)",
  ],
};
