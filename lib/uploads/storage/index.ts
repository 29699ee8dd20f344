import "server-only";
import { readStorageEnv, type StorageEnv } from "@/lib/env";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";
import { vercelBlobStorage } from "./vercel-blob-storage";
import type { UploadStorage } from "./upload-storage";

/** The store the settings name. */
function openStorage(env: StorageEnv): UploadStorage {
  if (env.kind === "s3") return s3Storage({ endpoint: env.endpoint, bucket: env.bucket, region: env.region ?? "auto", accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey, forcePathStyle: env.forcePathStyle });
  if (env.kind === "vercel-blob") return vercelBlobStorage(env.token);
  return localStorage(env.dataDir);
}

const cache = globalThis as unknown as { playgroundStorage?: { key: string; storage: UploadStorage } };

/** One store per process (rebuilt when the settings change, as in tests). */
export function uploadStorage(): UploadStorage {
  const env = readStorageEnv();
  const key = JSON.stringify(env);
  if (cache.playgroundStorage?.key !== key) cache.playgroundStorage = { key, storage: openStorage(env) };
  return cache.playgroundStorage.storage;
}

export type { UploadStorage } from "./upload-storage";
