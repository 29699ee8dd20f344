import "server-only";
import { decodeJwt } from "jose";
import { getUserById, latestIdToken, updateUser } from "@/db/team-queries";
import type { Role } from "@/db/schema";
import { authEnv, type AuthEnv } from "@/lib/env";

/** Why an address may not have an account here (AUTH_ALLOWED_DOMAINS), or null. */
export function refuseSignIn(email: string): string | null {
  const domains = authEnv().allowedDomains;
  if (domains.length === 0) return null;
  const domain = email.toLowerCase().split("@").pop() ?? "";
  return domains.includes(domain) ? null : `Sign-in is limited to ${domains.map((d) => `@${d}`).join(", ")} addresses.`;
}

/** Checked whenever a session is about to be created: disabled accounts and other domains get none. */
export async function refuseSession(userId: string): Promise<string | null> {
  const user = await getUserById(userId);
  if (!user) return "Unknown account.";
  if (user.disabled) return "This account is disabled. Ask an admin of this playground.";
  return refuseSignIn(user.email);
}

/** The role an identity provider's claims map to (first mapped group wins, in map order), or null. */
export function roleFromClaims(claims: Record<string, unknown>, claim: string, roleMap: Map<string, Role>): Role | null {
  const raw = claims[claim];
  const groups = new Set(Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[,\s]+/) : []);
  for (const [group, role] of roleMap) if (groups.has(group)) return role;
  return null;
}

/**
 * At every OIDC sign-in: the group claim of the id token Better Auth just
 * verified and stored decides the role. The owner stays owner.
 */
export async function applyOidcRole(userId: string, oidc: NonNullable<AuthEnv["oidc"]>): Promise<void> {
  const user = await getUserById(userId);
  if (!user || user.role === "owner") return;
  const idToken = await latestIdToken(userId, "oidc");
  if (!idToken) return;
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(idToken);
  } catch {
    return;
  }
  // With a map, the claim decides at every sign-in; without one, roles are set on the admin page.
  if (oidc.roleMap.size === 0) return;
  const role = roleFromClaims(claims, oidc.roleClaim, oidc.roleMap) ?? oidc.defaultRole;
  if (role && role !== "owner" && role !== user.role) await updateUser(userId, { role });
}
