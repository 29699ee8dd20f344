import "server-only";
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getDb, type Db } from "@/db";
import { findOwner, getUserById } from "@/db/team-queries";
import { audit } from "@/lib/team/audit";
import { accounts, rateLimits, sessions, users, verifications } from "@/db/schema";
import { authEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/client-address";
import { authSecret } from "./auth-secret";
import { applyOidcRole, refuseSession, refuseSignIn } from "./sign-in-rules";

function createAuth(db: Db) {
  const env = authEnv();
  return betterAuth({
    appName: "LLM Playground",
    baseURL: env.publicUrl,
    basePath: "/api/auth",
    // Without PUBLIC_URL, the address the user opened (Host, or X-Forwarded-Host behind a trusted proxy).
    trustedOrigins: async (request) => (request ? [publicOrigin(request)] : []),
    secret: authSecret(),
    telemetry: { enabled: false },
    // Warnings (such as "no baseURL" without PUBLIC_URL) are expected here; errors still show.
    logger: { level: "error" },
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "member", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    // Nobody signs up on their own: the owner is created at setup, others by invitation.
    emailAndPassword: { enabled: env.passwordEnabled, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 20 }, "/sign-in/social": { window: 60, max: 20 } },
    },
    advanced: {
      useSecureCookies: env.publicUrl?.startsWith("https:") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The real peer (or the proxy's X-Forwarded-For with TRUST_PROXY=true); a client cannot pick its own rate-limit bucket.
      ipAddress: { ipAddressHeaders: env.trustProxy ? ["x-forwarded-for"] : ["x-playground-peer"] },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const refusal = refuseSignIn(user.email);
            if (refusal) throw new APIError("FORBIDDEN", { message: refusal });
            // Only single sign-on creates users through Better Auth: the first one owns the instance.
            return { data: { ...user, role: (await findOwner()) ? (env.oidc?.defaultRole ?? "member") : "owner" } };
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const refusal = await refuseSession(session.userId);
            if (refusal) throw new APIError("FORBIDDEN", { message: refusal });
          },
          after: async (session) => {
            if (env.oidc) await applyOidcRole(session.userId, env.oidc);
            const user = await getUserById(session.userId);
            if (user) await audit({ action: "sign-in", actor: user, target: { type: "user", id: user.id }, ip: session.ipAddress ?? null });
          },
        },
      },
    },
    plugins: [
      ...(env.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: "oidc",
                  name: env.oidc.name,
                  clientId: env.oidc.clientId,
                  clientSecret: env.oidc.clientSecret,
                  discoveryUrl: `${env.oidc.issuer}/.well-known/openid-configuration`,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  overrideUserInfo: true,
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const state = globalThis as unknown as { playgroundAuth?: { key: string; db: Db; auth: Auth } };

/** One Better Auth instance per process (and per database, for tests). */
export async function getAuth(): Promise<Auth> {
  const env = authEnv();
  const db = await getDb();
  const key = `${env.mode}|${env.publicUrl}`;
  if (state.playgroundAuth?.key !== key || state.playgroundAuth.db !== db) state.playgroundAuth = { key, db, auth: createAuth(db) };
  return state.playgroundAuth.auth;
}
