import { describe, expect, it } from "vitest";
import { readEnv, readStorageEnv } from "./env";

// A bad setting stops the server with a line naming it; none falls back silently.

describe("server settings", () => {
  it("defaults when unset or blank", () => {
    const env = readEnv({ PORT: "", UPSTREAM_IDLE_TIMEOUT_MS: " " });
    expect(env).toMatchObject({ port: 3000, upstreamIdleTimeoutMs: 120_000, shutdownGraceMs: 25_000, databaseDriver: undefined, simulatorBaseUrl: undefined, onVercel: false, benchRoutes: false });
  });

  it("reads what is set", () => {
    const env = readEnv({ PORT: "8080", UPSTREAM_IDLE_TIMEOUT_MS: "500", SHUTDOWN_GRACE_S: "0", DATABASE_DRIVER: "libsql", SIMULATOR_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_COMPATIBLE_MODELS: " a , b,,", VERCEL: "1" });
    expect(env).toMatchObject({ port: 8080, upstreamIdleTimeoutMs: 500, shutdownGraceMs: 0, databaseDriver: "libsql", simulatorBaseUrl: "http://127.0.0.1:9/v1", openAiCompatibleModels: ["a", "b"], onVercel: true });
  });

  it.each([
    [{ PORT: "eighty" }, "Invalid setting PORT: PORT must be a number"],
    [{ PORT: "-1" }, "Invalid setting PORT: PORT must be above 0"],
    [{ UPSTREAM_IDLE_TIMEOUT_MS: "2.5" }, "Invalid setting UPSTREAM_IDLE_TIMEOUT_MS: UPSTREAM_IDLE_TIMEOUT_MS must be a whole number"],
    [{ SHUTDOWN_GRACE_S: "-3" }, "Invalid setting SHUTDOWN_GRACE_S: SHUTDOWN_GRACE_S must be 0 or more"],
    [{ DATABASE_DRIVER: "postgres" }, "Invalid setting DATABASE_DRIVER: DATABASE_DRIVER must be better-sqlite3 or libsql"],
    [{ SIMULATOR_BASE_URL: "localhost:3000" }, "Invalid setting SIMULATOR_BASE_URL: SIMULATOR_BASE_URL must be a URL"],
  ])("refuses %o", (source, message) => {
    expect(() => readEnv(source)).toThrow(message);
  });

  it("parses the process environment once per distinct value", () => {
    const before = process.env.UPSTREAM_IDLE_TIMEOUT_MS;
    try {
      process.env.UPSTREAM_IDLE_TIMEOUT_MS = "1234";
      const first = readEnv();
      expect(readEnv()).toBe(first);
      process.env.UPSTREAM_IDLE_TIMEOUT_MS = "4321";
      expect(readEnv()).not.toBe(first);
      expect(readEnv().upstreamIdleTimeoutMs).toBe(4321);
    } finally {
      if (before === undefined) delete process.env.UPSTREAM_IDLE_TIMEOUT_MS;
      else process.env.UPSTREAM_IDLE_TIMEOUT_MS = before;
    }
  });
});

describe("upload storage settings", () => {
  it("is the local disk by default", () => {
    expect(readStorageEnv({ DATA_DIR: "/tmp/x" })).toEqual({ kind: "local", dataDir: "/tmp/x" });
  });

  it("names what S3 is missing, and a malformed flag or endpoint", () => {
    expect(() => readStorageEnv({ STORAGE: "s3", S3_BUCKET: "b" })).toThrow("STORAGE=s3: it needs S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY");
    expect(() => readStorageEnv({ STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_FORCE_PATH_STYLE: "maybe" })).toThrow("Invalid setting S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be true or false");
    expect(() => readStorageEnv({ STORAGE: "s3", S3_ENDPOINT: "r2.example.com" })).toThrow("Invalid setting S3_ENDPOINT");
    expect(() => readStorageEnv({ STORAGE: "disk" })).toThrow("Invalid setting STORAGE: STORAGE must be one of local, s3, vercel-blob");
  });

  it("reads S3 and Vercel Blob settings", () => {
    expect(readStorageEnv({ STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_FORCE_PATH_STYLE: "yes", S3_ENDPOINT: "http://127.0.0.1:9000" })).toEqual({
      kind: "s3",
      endpoint: "http://127.0.0.1:9000",
      bucket: "b",
      region: undefined,
      accessKeyId: "k",
      secretAccessKey: "s",
      forcePathStyle: true,
    });
    expect(readStorageEnv({ STORAGE: "vercel-blob", BLOB_READ_WRITE_TOKEN: "vercel_blob_rw_x" })).toEqual({ kind: "vercel-blob", token: "vercel_blob_rw_x", apiUrl: undefined });
  });
});
