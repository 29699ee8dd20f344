import "server-only";
import { randomUUID } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { findOwner, getUserByEmail, insertUser } from "@/db/team-queries";
import type { UserRow } from "@/db/schema";
import type { AuthEnv } from "@/lib/env";
import { refuseSignIn } from "./sign-in-rules";

// AUTH_MODE=header: a proxy in front (Cloudflare Access, oauth2-proxy,
// Pomerium) signs the identity as a JWT. We verify the signature against the
// proxy's JWKS and the audience; a bare, unsigned header is never trusted.

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function jwks(url: string) {
  let set = jwksCache.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    jwksCache.set(url, set);
  }
  return set;
}

export type HeaderIdentity = { ok: true; email: string; name: string } | { ok: false; reason: string };

function bearer(value: string | null): string | null {
  if (!value) return null;
  return value.toLowerCase().startsWith("bearer ") ? value.slice(7).trim() : value.trim();
}

export async function verifyIdentityHeader(headers: Headers, config: NonNullable<AuthEnv["header"]>): Promise<HeaderIdentity | null> {
  const token = bearer(headers.get(config.headerName));
  if (!token) return null;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks(config.jwksUrl), { audience: config.audience, issuer: config.issuer, clockTolerance: 30 }));
  } catch (error) {
    return { ok: false, reason: `The identity header did not verify: ${error instanceof Error ? error.message : "invalid token"}.` };
  }
  const email = typeof payload.email === "string" ? payload.email.toLowerCase() : null;
  if (!email) return { ok: false, reason: "The identity token has no email claim." };
  const name = typeof payload.name === "string" ? payload.name : email.split("@")[0]!;
  return { ok: true, email, name };
}

/** The account behind a verified identity; made on first sight (the first one owns the instance). */
export async function userForIdentity(identity: { email: string; name: string }): Promise<UserRow | { refused: string }> {
  const refusal = refuseSignIn(identity.email);
  if (refusal) return { refused: refusal };
  const existing = await getUserByEmail(identity.email);
  if (existing) return existing;
  const now = new Date();
  const role = (await findOwner()) ? "member" : "owner";
  try {
    await insertUser({ id: randomUUID(), name: identity.name, email: identity.email, role, createdAt: now, updatedAt: now });
  } catch {
    // Made by a concurrent request.
  }
  return (await getUserByEmail(identity.email))!;
}
