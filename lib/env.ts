import "server-only";
import path from "node:path";
import { z } from "zod";

const optional = z.string().trim().min(1).optional().catch(undefined);

const envSchema = z.object({
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: optional,
  SIMULATOR_BASE_URL: optional,
  OPENAI_COMPATIBLE_MODELS: optional,
  UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().optional().catch(undefined),
});

export type ServerEnv = {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  simulatorBaseUrl: string;
  openAiCompatibleModels: string[];
  /** A run fails when its provider sends nothing for this long. */
  upstreamIdleTimeoutMs: number;
};

/** Read on every call so tests and restarts see the current environment. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const env = envSchema.parse(source);
  return {
    port: env.PORT,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    // The simulator is served by this very app; reach it over loopback so the
    // run goes through exactly the same HTTP path as a real provider.
    simulatorBaseUrl: env.SIMULATOR_BASE_URL ?? `http://127.0.0.1:${env.PORT}/api/simulator/v1`,
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
