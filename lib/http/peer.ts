// Pure helpers about who is on the other end of a request; no server-only
// imports, so proxy.ts can use them too.

export const PEER_HEADER = "x-playground-peer";

export function isLoopback(address: string | null): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, "");
  return a === "::1" || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** The socket's address (stamped by the server), or with a trusted proxy the first X-Forwarded-For entry. */
export function addressFrom(headers: Headers, trustProxy: boolean): string | null {
  const peer = headers.get(PEER_HEADER) || null;
  if (trustProxy) return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || peer;
  return peer;
}
