import "server-only";
import path from "node:path";
import { z } from "zod";

const optional = z.string().trim().min(1).optional().catch(undefined);

const envSchema = z.object({
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: optional,
  DATABASE_AUTH_TOKEN: optional,
  DATABASE_DRIVER: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.enum(["better-sqlite3", "libsql"]).optional()),
  SIMULATOR_BASE_URL: optional,
  OPENAI_COMPATIBLE_MODELS: optional,
  UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().optional().catch(undefined),
});

export type ServerEnv = {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseAuthToken: string | undefined;
  /** Forces a driver; unset means better-sqlite3 for files, libSQL for remote URLs. */
  databaseDriver: "better-sqlite3" | "libsql" | undefined;
  /** Where to reach the simulator over HTTP; unset means in-process (no loopback hop, works on Vercel). */
  simulatorBaseUrl: string | undefined;
  openAiCompatibleModels: string[];
  /** A run fails when its provider sends nothing for this long. */
  upstreamIdleTimeoutMs: number;
};

const SERVER_ENV_KEYS = Object.keys(envSchema.shape);

// Parsed once per distinct environment (the database reads it on every query); tests that change it see the change.
let serverEnvCache: { source: string; env: ServerEnv } | undefined;
export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  if (source !== process.env) return parseServerEnv(source);
  const key = SERVER_ENV_KEYS.map((k) => source[k] ?? "").join("\u0000");
  if (serverEnvCache?.source !== key) serverEnvCache = { source: key, env: parseServerEnv(source) };
  return serverEnvCache.env;
}

function parseServerEnv(source: NodeJS.ProcessEnv): ServerEnv {
  const env = envSchema.parse(source);
  return {
    port: env.PORT,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    databaseDriver: env.DATABASE_DRIVER,
    simulatorBaseUrl: env.SIMULATOR_BASE_URL,
    openAiCompatibleModels: (env.OPENAI_COMPATIBLE_MODELS ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean),
    upstreamIdleTimeoutMs: env.UPSTREAM_IDLE_TIMEOUT_MS ?? 120_000,
  };
}

/** A provider's secret, or undefined. Never returned to a client. */
export function readSecret(name: string | null, source: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!name) return undefined;
  const value = source[name]?.trim();
  return value ? value : undefined;
}

const AUTH_MODES = ["none", "password", "oidc", "header"] as const;
type AuthMode = (typeof AUTH_MODES)[number];
const ROLE_NAMES = ["owner", "admin", "member", "viewer"] as const;

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes"].includes(v)));
const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const maybe = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());
const list = z.preprocess(blankAsUndefined, z.string().optional()).transform((v) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const authEnvSchema = z.object({
  AUTH_MODE: z.preprocess(blankAsUndefined, z.enum(AUTH_MODES, { error: `AUTH_MODE must be one of ${AUTH_MODES.join(", ")}` }).default("none")),
  AUTH_SECRET: maybe(z.string().min(32, "AUTH_SECRET must be at least 32 characters")),
  PUBLIC_URL: maybe(z.url({ error: "PUBLIC_URL must be a full URL such as https://playground.example.com" })),
  TRUST_PROXY: flag(false),
  AUTH_PASSWORD_ENABLED: flag(true),
  AUTH_ALLOWED_DOMAINS: list,
  PLAYGROUND_INIT_OWNER_EMAIL: maybe(z.email({ error: "PLAYGROUND_INIT_OWNER_EMAIL must be an email address" })),
  PLAYGROUND_INIT_OWNER_PASSWORD: maybe(z.string().min(8, "PLAYGROUND_INIT_OWNER_PASSWORD must be at least 8 characters")),
  PLAYGROUND_INIT_API_KEY: maybe(z.string().min(32, "PLAYGROUND_INIT_API_KEY must be at least 32 characters").max(200)),
  OIDC_ISSUER: maybe(z.url({ error: "OIDC_ISSUER must be the issuer URL" })),
  OIDC_CLIENT_ID: maybe(z.string()),
  OIDC_CLIENT_SECRET: maybe(z.string()),
  OIDC_NAME: maybe(z.string()),
  OIDC_ROLE_CLAIM: maybe(z.string()),
  OIDC_ROLE_MAP: list,
  OIDC_DEFAULT_ROLE: z.preprocess(blankAsUndefined, z.enum(["admin", "member", "viewer"]).default("member")),
  AUTH_HEADER_JWKS_URL: maybe(z.url({ error: "AUTH_HEADER_JWKS_URL must be a URL" })),
  AUTH_HEADER_AUDIENCE: maybe(z.string()),
  AUTH_HEADER_ISSUER: maybe(z.string()),
  AUTH_HEADER_NAME: z.preprocess(blankAsUndefined, z.string().default("cf-access-jwt-assertion")),
  ADMIN_CAN_READ_RUNS: flag(false),
  SMTP_URL: maybe(z.string()),
  SMTP_FROM: maybe(z.string()),
});

export type AuthEnv = {
  mode: AuthMode;
  secret: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  passwordEnabled: boolean;
  allowedDomains: string[];
  initOwner: { email: string; password: string } | null;
  initApiKey: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string; roleClaim: string; roleMap: Map<string, (typeof ROLE_NAMES)[number]>; defaultRole: "admin" | "member" | "viewer" } | null;
  header: { jwksUrl: string; audience: string | undefined; issuer: string | undefined; headerName: string } | null;
  adminCanReadRuns: boolean;
  smtp: { url: string; from: string } | null;
};

/** Sign-in settings. A bad value stops the server with a message naming the variable, never a silent fallback. */
export function readAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid setting ${issue.path.join(".")}: ${issue.message}`);
  }
  const env = parsed.data;
  const fail = (message: string): never => {
    throw new Error(`Invalid settings for AUTH_MODE=${env.AUTH_MODE}: ${message}`);
  };
  if (Boolean(env.PLAYGROUND_INIT_OWNER_EMAIL) !== Boolean(env.PLAYGROUND_INIT_OWNER_PASSWORD)) {
    fail("set both PLAYGROUND_INIT_OWNER_EMAIL and PLAYGROUND_INIT_OWNER_PASSWORD, or neither");
  }
  const roleMap = new Map<string, (typeof ROLE_NAMES)[number]>();
  for (const pair of env.OIDC_ROLE_MAP) {
    const [group, role] = pair.split("=").map((s) => s.trim());
    if (!group || !role || !(ROLE_NAMES as readonly string[]).includes(role)) fail(`OIDC_ROLE_MAP entries are group=role with role one of ${ROLE_NAMES.join(", ")} (got "${pair}")`);
    roleMap.set(group!, role as (typeof ROLE_NAMES)[number]);
  }
  let oidc: AuthEnv["oidc"] = null;
  if (env.AUTH_MODE === "oidc") {
    if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) fail("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required");
    oidc = {
      issuer: env.OIDC_ISSUER!.replace(/\/+$/, ""),
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
      name: env.OIDC_NAME ?? "single sign-on",
      roleClaim: env.OIDC_ROLE_CLAIM ?? "groups",
      roleMap,
      defaultRole: env.OIDC_DEFAULT_ROLE,
    };
  }
  let header: AuthEnv["header"] = null;
  if (env.AUTH_MODE === "header") {
    if (!env.AUTH_HEADER_JWKS_URL) fail("AUTH_HEADER_JWKS_URL is required (the identity header must be a signed JWT)");
    if (!env.AUTH_HEADER_AUDIENCE) fail("AUTH_HEADER_AUDIENCE is required (the JWT audience your proxy signs for)");
    header = { jwksUrl: env.AUTH_HEADER_JWKS_URL!, audience: env.AUTH_HEADER_AUDIENCE, issuer: env.AUTH_HEADER_ISSUER, headerName: env.AUTH_HEADER_NAME.toLowerCase() };
  }
  return {
    mode: env.AUTH_MODE,
    secret: env.AUTH_SECRET,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: env.TRUST_PROXY,
    // Password sign-in is the point of "password" mode; elsewhere it can be switched off.
    passwordEnabled: env.AUTH_MODE === "password" || (env.AUTH_MODE === "oidc" && env.AUTH_PASSWORD_ENABLED),
    allowedDomains: env.AUTH_ALLOWED_DOMAINS.map((d) => d.toLowerCase().replace(/^@/, "")),
    initOwner: env.PLAYGROUND_INIT_OWNER_EMAIL ? { email: env.PLAYGROUND_INIT_OWNER_EMAIL.toLowerCase(), password: env.PLAYGROUND_INIT_OWNER_PASSWORD! } : null,
    initApiKey: env.PLAYGROUND_INIT_API_KEY,
    oidc,
    header,
    adminCanReadRuns: env.ADMIN_CAN_READ_RUNS,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? "LLM Playground <playground@localhost>" } : null,
  };
}

const AUTH_ENV_KEYS = Object.keys(authEnvSchema.shape);

// Parsed once per distinct environment: sign-in settings are read on every request.
let authEnvCache: { source: string; env: AuthEnv } | undefined;
export function authEnv(): AuthEnv {
  const key = AUTH_ENV_KEYS.map((k) => process.env[k] ?? "").join("\u0000");
  if (authEnvCache?.source !== key) authEnvCache = { source: key, env: readAuthEnv() };
  return authEnvCache.env;
}
