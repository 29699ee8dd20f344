import "server-only";
import http from "node:http";
import { authEnv } from "@/lib/env";
import { AppError } from "./app-error";
import { answerDirectly } from "./direct-routes";
import { parseHost } from "./host-check";
import { STATIC_SECURITY_HEADERS } from "./security-headers";
import { addressFrom, isLoopback, PEER_HEADER } from "./peer";

// Next gives handlers no socket, and the x-forwarded-for it fills in keeps
// whatever the client sent. So the HTTP server itself stamps the real peer
// address on every request, overwriting any header of that name a client sent.
// The same hook hands the streaming routes to their handlers directly (direct-routes.ts).
const patched = globalThis as unknown as { playgroundPeerStamp?: boolean };

/** Methods a fetch Request cannot even be made with: Next would fail on them with a 500. */
const UNSERVED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** A request no handler can be built for (TRACE, a malformed Host) gets its 4xx here, before any framework sees it. */
function refuseUnservable(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  let refusal: AppError | null = null;
  if (UNSERVED_METHODS.has(req.method ?? "")) refusal = new AppError("method_not_allowed", `${req.method} is not served here.`);
  else if (req.headers.host && !parseHost(req.headers.host)) refusal = new AppError("invalid_host", "The Host header is not a host name.");
  if (!refusal) return false;
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  res.writeHead(refusal.status, { ...STATIC_SECURITY_HEADERS, "content-type": "application/json", "content-length": Buffer.byteLength(body), ...(refusal.status === 405 ? { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" } : {}) });
  res.end(body);
  return true;
}

export function stampPeerAddress(): void {
  if (patched.playgroundPeerStamp) return;
  patched.playgroundPeerStamp = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      if (refuseUnservable(req, args[1] as http.ServerResponse)) return true;
      if (answerDirectly(req, args[1] as http.ServerResponse)) return true;
    }
    return (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

export { isLoopback };

/** The client's address: the socket's, or with TRUST_PROXY=true the first X-Forwarded-For entry. */
export function clientAddress(headers: Headers): string | null {
  return addressFrom(headers, authEnv().trustProxy);
}

/** This instance's address as users reach it: PUBLIC_URL, else the request's own origin. */
export function publicOrigin(request: Request | Headers): string {
  const env = authEnv();
  if (env.publicUrl) return new URL(env.publicUrl).origin;
  const headers = request instanceof Headers ? request : request.headers;
  if (env.trustProxy) {
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    if (host) return `${proto === "https" ? "https" : "http"}://${host}`;
  }
  const host = headers.get("host");
  if (host) return `http://${host}`;
  return request instanceof Request ? new URL(request.url).origin : "http://localhost";
}

export function isHttps(headers: Headers): boolean {
  const env = authEnv();
  if (env.publicUrl) return env.publicUrl.startsWith("https:");
  return env.trustProxy && headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
