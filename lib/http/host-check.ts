// Which Host a request may name. No server-only imports: proxy.ts uses it too.
//
// A page on evil.example whose DNS name is re-pointed at 127.0.0.1 (DNS
// rebinding) reaches a laptop instance from the victim's own browser: the
// socket is loopback, the Origin matches the Host, and only the Host shows it.
// So without sign-in, only loopback names (and ALLOWED_HOSTS) are served; with
// PUBLIC_URL, only its host (and those), so no link or redirect is built on a
// Host an attacker chose.

type HostSettings = { mode: string; publicUrl: string | undefined; trustProxy: boolean; allowedHosts: string[] };

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** A Host header: a name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

type ParsedHost = { name: string; port: string | null };

export function parseHost(value: string | null | undefined): ParsedHost | null {
  const match = value?.trim().toLowerCase().match(HOST);
  if (!match) return null;
  const name = match[1]!.replace(/\.$/, "");
  return { name, port: match[2] ?? null };
}

function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || name.endsWith(".localhost") || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function listed(host: ParsedHost, allowed: string[]): boolean {
  const withPort = host.port ? `${host.name}:${host.port}` : host.name;
  return allowed.includes(host.name) || allowed.includes(withPort);
}

function publicHost(publicUrl: string): ParsedHost & { defaultPort: string } {
  const url = new URL(publicUrl);
  return { name: url.hostname.toLowerCase(), port: url.port || null, defaultPort: url.protocol === "https:" ? "443" : "80" };
}

/** The host the client asked for: the Host header, or with TRUST_PROXY the proxy's X-Forwarded-Host. */
function requestedHost(headers: Headers, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

/** Why this request's Host is refused, or null when it may be served. */
export function hostRefusal(headers: Headers, settings: HostSettings): string | null {
  const checkPublic = Boolean(settings.publicUrl);
  if (settings.mode !== "none" && !checkPublic) return null;
  const raw = requestedHost(headers, settings.trustProxy);
  // Every browser sends a Host; a request without one (HTTP/1.0, an in-process call) cannot be a rebound page.
  if (raw === null) return null;
  const host = parseHost(raw);
  if (!host) return `The request's Host header (${JSON.stringify(raw ?? "")}) is not a host name.`;
  if (isLoopbackName(host.name) || listed(host, settings.allowedHosts)) return null;
  if (checkPublic) {
    const own = publicHost(settings.publicUrl!);
    if (host.name === own.name && (host.port ?? own.defaultPort) === (own.port ?? own.defaultPort)) return null;
    return `This playground answers as ${own.name}${own.port ? `:${own.port}` : ""} (PUBLIC_URL), not as ${host.name}. To serve another name too, add it to ALLOWED_HOSTS.`;
  }
  return `This playground runs without sign-in (AUTH_MODE=none), so it answers only to localhost, 127.0.0.1 or [::1], not to "${host.name}": a web page on another name could be reaching it from your own browser (DNS rebinding). To use another name, add it to ALLOWED_HOSTS, or set AUTH_MODE=password.`;
}
