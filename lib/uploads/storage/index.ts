import "server-only";
import { z } from "zod";
import { readEnv } from "@/lib/env";
import { envFlag } from "@/lib/http/peer";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";
import { vercelBlobStorage } from "./vercel-blob-storage";
import { STORAGE_KINDS, type UploadStorage } from "./upload-storage";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const storageEnv = z.object({
  STORAGE: z.preprocess(blank, z.enum(STORAGE_KINDS, { error: `STORAGE must be one of ${STORAGE_KINDS.join(", ")}` }).default("local")),
  S3_ENDPOINT: z.preprocess(blank, z.url({ error: "S3_ENDPOINT must be a URL such as https://<account>.r2.cloudflarestorage.com" }).optional()),
  S3_BUCKET: z.preprocess(blank, z.string().optional()),
  S3_REGION: z.preprocess(blank, z.string().default("auto")),
  S3_ACCESS_KEY_ID: z.preprocess(blank, z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(blank, z.string().optional()),
  S3_FORCE_PATH_STYLE: z.preprocess(blank, z.enum(["true", "false", "1", "0", "yes", "no"], { error: "S3_FORCE_PATH_STYLE must be true or false" }).optional()),
  BLOB_READ_WRITE_TOKEN: z.preprocess(blank, z.string().optional()),
});

/** The store uploads go to, from STORAGE and its variables; a missing variable is named. */
function readStorage(source: NodeJS.ProcessEnv = process.env): UploadStorage {
  const parsed = storageEnv.safeParse(source);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid storage settings");
  const env = parsed.data;
  if (env.STORAGE === "s3") {
    const missing = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((name) => !env[name]);
    if (missing.length) throw new Error(`STORAGE=s3 needs ${missing.join(", ")}`);
    return s3Storage({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: envFlag(env.S3_FORCE_PATH_STYLE),
    });
  }
  if (env.STORAGE === "vercel-blob") {
    if (!env.BLOB_READ_WRITE_TOKEN) throw new Error("STORAGE=vercel-blob needs BLOB_READ_WRITE_TOKEN");
    return vercelBlobStorage(env.BLOB_READ_WRITE_TOKEN);
  }
  return localStorage(readEnv(source).dataDir);
}

const cache = globalThis as unknown as { playgroundStorage?: { key: string; storage: UploadStorage } };

/** One store per process (rebuilt when the settings change, as in tests). */
export function uploadStorage(): UploadStorage {
  const env = process.env;
  const key = [env.STORAGE, env.DATA_DIR, env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.BLOB_READ_WRITE_TOKEN?.slice(0, 24)].join("|");
  if (cache.playgroundStorage?.key !== key) cache.playgroundStorage = { key, storage: readStorage(env) };
  return cache.playgroundStorage.storage;
}

export type { UploadStorage } from "./upload-storage";
