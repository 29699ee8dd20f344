import "server-only";
import path from "node:path";
import { z } from "zod";
import { STORAGE_KINDS } from "@/lib/uploads/storage/upload-storage";

// The one place that reads the process environment (Biome's noProcessEnv holds
// every other production module to it). Each setting is parsed here; a bad value
// stops the server with a line naming the variable, never a silent fallback.

const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const maybe = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());
const text = maybe(z.string().trim());
const positiveInt = (name: string) => maybe(z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).positive(`${name} must be above 0`));
/** A yes/no setting: true, 1 and yes are on; false, 0 and no are off; unset or blank is the fallback. */
const flag = (name: string, fallback: boolean) =>
  maybe(z.enum(["true", "false", "1", "0", "yes", "no"], { error: `${name} must be true or false` })).transform((v) => (v === undefined ? fallback : v === "true" || v === "1" || v === "yes"));

const envSchema = z.object({
  PORT: positiveInt("PORT"),
  DATA_DIR: text,
  DATABASE_URL: text,
  DATABASE_AUTH_TOKEN: text,
  DATABASE_DRIVER: maybe(z.enum(["better-sqlite3", "libsql"], { error: "DATABASE_DRIVER must be better-sqlite3 or libsql" })),
  SIMULATOR_BASE_URL: maybe(z.url({ protocol: /^https?$/, error: "SIMULATOR_BASE_URL must be a URL such as http://127.0.0.1:3000/api/simulator/v1" })),
  OPENAI_COMPATIBLE_MODELS: text,
  UPSTREAM_IDLE_TIMEOUT_MS: positiveInt("UPSTREAM_IDLE_TIMEOUT_MS"),
  SHUTDOWN_GRACE_S: maybe(z.coerce.number({ error: "SHUTDOWN_GRACE_S must be a number of seconds" }).min(0, "SHUTDOWN_GRACE_S must be 0 or more")),
  UPLOAD_MAX_IMAGE_BYTES: positiveInt("UPLOAD_MAX_IMAGE_BYTES"),
  UPLOAD_MAX_VIDEO_BYTES: positiveInt("UPLOAD_MAX_VIDEO_BYTES"),
  VERCEL: text,
  BENCH_ROUTES: text,
  NODE_ENV: text,
});

const MiB = 1024 * 1024;

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
  /** On SIGTERM, how long streaming runs may finish before they end interrupted. */
  shutdownGraceMs: number;
  uploadLimits: { image: number; video: number };
  /** Running on Vercel: read-only disk, no migrations at start, a database URL required. */
  onVercel: boolean;
  /** The load-test routes under /api/bench answer only when BENCH_ROUTES=1. */
  benchRoutes: boolean;
  production: boolean;
  /** `next dev`: the page's CSP allows what the dev overlay needs. */
  development: boolean;
};

/** The first problem of a parse, as the line the server stops with. */
function invalid(error: z.ZodError): Error {
  const issue = error.issues[0];
  return new Error(`Invalid setting ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid value"}`);
}

/**
 * A reader that parses once per distinct environment: settings are read on every
 * request and database call, and tests that change a variable see the change.
 */
function cachedReader<T>(keys: string[], parse: (source: EnvSource) => T): (source?: EnvSource) => T {
  let cache: { key: string; value: T } | undefined;
  return (source = process.env) => {
    if (source !== process.env) return parse(source);
    const key = keys.map((k) => source[k] ?? "").join("\u0000");
    if (cache?.key !== key) cache = { key, value: parse(source) };
    return cache.value;
  };
}

/** The environment the settings come from: the process's, unless a test or a check passes its own. */
export type EnvSource = Record<string, string | undefined>;
export function processEnv(): EnvSource {
  return process.env;
}

function parseServerEnv(source: EnvSource): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw invalid(parsed.error);
  const env = parsed.data;
  return {
    port: env.PORT ?? 3000,
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    databaseDriver: env.DATABASE_DRIVER,
    simulatorBaseUrl: env.SIMULATOR_BASE_URL,
    openAiCompatibleModels: (env.OPENAI_COMPATIBLE_MODELS ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean),
    upstreamIdleTimeoutMs: env.UPSTREAM_IDLE_TIMEOUT_MS ?? 120_000,
    shutdownGraceMs: (env.SHUTDOWN_GRACE_S ?? 25) * 1000,
    uploadLimits: { image: env.UPLOAD_MAX_IMAGE_BYTES ?? 10 * MiB, video: env.UPLOAD_MAX_VIDEO_BYTES ?? 50 * MiB },
    onVercel: Boolean(env.VERCEL),
    benchRoutes: env.BENCH_ROUTES === "1",
    production: env.NODE_ENV === "production",
    development: env.NODE_ENV === "development",
  };
}

export const readEnv = cachedReader(Object.keys(envSchema.shape), parseServerEnv);

const storageEnvSchema = z.object({
  STORAGE: z.preprocess(blankAsUndefined, z.enum(STORAGE_KINDS, { error: `STORAGE must be one of ${STORAGE_KINDS.join(", ")}` }).default("local")),
  S3_ENDPOINT: maybe(z.url({ error: "S3_ENDPOINT must be a URL such as https://<account>.r2.cloudflarestorage.com" })),
  S3_BUCKET: text,
  S3_REGION: text,
  S3_ACCESS_KEY_ID: text,
  S3_SECRET_ACCESS_KEY: text,
  S3_FORCE_PATH_STYLE: flag("S3_FORCE_PATH_STYLE", false),
  BLOB_READ_WRITE_TOKEN: text,
  VERCEL_BLOB_API_URL: maybe(z.url({ error: "VERCEL_BLOB_API_URL must be a URL" })),
});

export type StorageEnv =
  | { kind: "local"; dataDir: string }
  | { kind: "s3"; endpoint: string | undefined; bucket: string; region: string | undefined; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean }
  | { kind: "vercel-blob"; token: string; apiUrl: string | undefined };

/** Where uploads go, from STORAGE and its variables; a missing or malformed variable is named. */
function parseStorageEnv(source: EnvSource): StorageEnv {
  const parsed = storageEnvSchema.safeParse(source);
  if (!parsed.success) throw invalid(parsed.error);
  const env = parsed.data;
  if (env.STORAGE === "s3") {
    const missing = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((name) => !env[name]);
    if (missing.length) throw new Error(`Invalid settings for STORAGE=s3: it needs ${missing.join(", ")}`);
    return { kind: "s3", endpoint: env.S3_ENDPOINT, bucket: env.S3_BUCKET!, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY!, forcePathStyle: env.S3_FORCE_PATH_STYLE };
  }
  if (env.STORAGE === "vercel-blob") {
    if (!env.BLOB_READ_WRITE_TOKEN) throw new Error("Invalid settings for STORAGE=vercel-blob: it needs BLOB_READ_WRITE_TOKEN");
    return { kind: "vercel-blob", token: env.BLOB_READ_WRITE_TOKEN, apiUrl: env.VERCEL_BLOB_API_URL };
  }
  return { kind: "local", dataDir: readEnv(source).dataDir };
}

export const readStorageEnv = cachedReader([...Object.keys(storageEnvSchema.shape), "DATA_DIR"], parseStorageEnv);

/** A provider's secret, or undefined. Never returned to a client. */
export function readSecret(name: string | null, source: EnvSource = process.env): string | undefined {
  if (!name) return undefined;
  const value = source[name]?.trim();
  return value ? value : undefined;
}

const AUTH_MODES = ["none", "password", "oidc", "header"] as const;
type AuthMode = (typeof AUTH_MODES)[number];
const ROLE_NAMES = ["owner", "admin", "member", "viewer"] as const;

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
  TRUST_PROXY: flag("TRUST_PROXY", false),
  ALLOWED_HOSTS: list,
  AUTH_PASSWORD_ENABLED: flag("AUTH_PASSWORD_ENABLED", true),
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
  ADMIN_CAN_READ_RUNS: flag("ADMIN_CAN_READ_RUNS", false),
  SMTP_URL: maybe(z.string()),
  SMTP_FROM: maybe(z.string()),
});

export type AuthEnv = {
  mode: AuthMode;
  secret: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  /** Extra Host names accepted besides loopback (AUTH_MODE=none) and PUBLIC_URL's host; lower case, a port only where given. */
  allowedHosts: string[];
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
  if (!parsed.success) throw invalid(parsed.error);
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
    allowedHosts: env.ALLOWED_HOSTS.map((h) => h.toLowerCase()),
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

/** Sign-in settings of this process, read on every request. */
export const authEnv = cachedReader(Object.keys(authEnvSchema.shape), readAuthEnv);
