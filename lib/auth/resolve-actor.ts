import "server-only";
import { getUserById } from "@/db/team-queries";
import type { UserRow } from "@/db/schema";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { clientAddress, isLoopback } from "@/lib/http/client-address";
import { hostRefusal } from "@/lib/http/host-check";
import type { Actor } from "./actor";
import { getAuth } from "./better-auth";
import { userForIdentity, verifyIdentityHeader } from "./header-identity";
import { ensureLocalOwner } from "./users";
import { verifyApiKey } from "@/lib/keys/api-keys";

const REMOTE_REFUSED_MESSAGE =
  "This playground runs without sign-in (AUTH_MODE=none), so it only answers on this machine. To let others reach it, set AUTH_MODE=password (see the README, \"Run it for a team\").";

function toActor(user: UserRow, via: Actor["via"], ip: string | null): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, via, apiKeyId: null, ip };
}

/**
 * Who is asking, or null when nobody is signed in. Throws 403 for a remote
 * request to an instance without sign-in, and 401 for bad credentials.
 */
export async function resolveActor(headers: Headers): Promise<Actor | null> {
  const env = authEnv();
  const wrongHost = hostRefusal(headers, env);
  if (wrongHost) throw new AppError("host_not_allowed", wrongHost);
  const ip = clientAddress(headers);
  if (env.mode === "none" && !isLoopback(ip)) throw new AppError("remote_access_refused", REMOTE_REFUSED_MESSAGE);
  const authorization = headers.get("authorization");
  // oauth2-proxy passes the IdP's ID token as the bearer (AUTH_HEADER_NAME=authorization): only our own keys (pg_…) are API keys then.
  const bearerIsIdentity = env.mode === "header" && env.header?.headerName === "authorization" && !/^bearer pg_/i.test(authorization ?? "");
  if (authorization?.toLowerCase().startsWith("bearer ") && !bearerIsIdentity) {
    const { key, user } = await verifyApiKey(authorization.slice(7).trim());
    const { id, name, allowedProviders, allowedModels, monthlyBudgetUsd, rpm, maxConcurrent } = key;
    return { ...toActor(user, "api-key", ip), apiKeyId: key.id, key: { id, name, allowedProviders, allowedModels, monthlyBudgetUsd, rpm, maxConcurrent } };
  }
  if (env.mode === "none") return toActor(await ensureLocalOwner(), "local", ip);
  if (env.mode === "header" && env.header) {
    const identity = await verifyIdentityHeader(headers, env.header);
    if (!identity) return null;
    if (!identity.ok) throw new AppError("invalid_identity", identity.reason);
    const user = await userForIdentity(identity);
    if ("refused" in user) throw new AppError("domain_not_allowed", user.refused);
    if (user.disabled) throw new AppError("account_disabled", "This account is disabled.");
    return toActor(user, "header", ip);
  }
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return null;
  // The session's user row is read fresh: a role change or a disable applies at once.
  const user = await getUserById(session.user.id);
  if (!user || user.disabled) return null;
  return toActor(user, "session", ip);
}
