import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { addressFrom, envFlag, isLoopback } from "@/lib/http/peer";
import { contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

// Runs before every page (not /api, not static files): security headers with
// a fresh CSP nonce; the no-sign-in laptop mode refused to other machines; a
// cheap "is there a session cookie at all" redirect to sign-in. The real
// session check happens in the pages and route handlers.

const PUBLIC_PAGES = [/^\/sign-in$/, /^\/setup$/, /^\/invite\/[^/]+$/, /^\/r\/[^/]+$/];

function refusedPage(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not available</title></head><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>This playground only answers on its own machine</h1>
<p>It runs without sign-in (<code>AUTH_MODE=none</code>, the default for <code>npm start</code>), so requests from other addresses are refused.</p>
<p>To share it with a team, set <code>AUTH_MODE=password</code> (and <code>PUBLIC_URL</code>) and restart; see "Run it for a team" in the README.</p>
</body></html>`;
  return new Response(html, { status: 403, headers: { "content-type": "text/html; charset=utf-8", ...STATIC_SECURITY_HEADERS, "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" } });
}

export function proxy(request: NextRequest) {
  const mode = (process.env.AUTH_MODE ?? "").trim() || "none";
  const trustProxy = envFlag(process.env.TRUST_PROXY);
  const path = request.nextUrl.pathname;

  if (mode === "none" && !isLoopback(addressFrom(request.headers, trustProxy))) return refusedPage();

  if ((mode === "password" || mode === "oidc") && !PUBLIC_PAGES.some((p) => p.test(path)) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.search = `?next=${encodeURIComponent(path + request.nextUrl.search)}`;
    return NextResponse.redirect(signIn);
  }

  const publicUrl = process.env.PUBLIC_URL?.trim();
  const https = publicUrl ? publicUrl.startsWith("https:") : trustProxy && request.headers.get("x-forwarded-proto") === "https";
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

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
  ],
};
