import "server-only";

/**
 * Where upload bytes live. Keys are content-addressed (`uploads/ab/<sha256>`)
 * or, for a file the browser sends straight to the store, a staging key
 * (`incoming/<uuid>`) that the server checks and then files under its sha256.
 * Files are always served through /api/uploads/:id with its access check, never
 * from a public store URL.
 */
export interface UploadStorage {
  readonly kind: "local" | "s3" | "vercel-blob";
  exists(key: string): Promise<boolean>;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  read(key: string): Promise<Buffer>;
  stream(key: string): Promise<ReadableStream<Uint8Array>>;
  remove(key: string): Promise<void>;
  /** A URL the browser PUTs a file to (stores behind Vercel's 4.5 MB request limit); undefined when not supported. */
  directUploadTarget?(key: string, contentType: string, size: number): Promise<DirectUploadTarget>;
}

type DirectUploadTarget = { url: string; method: "PUT"; headers: Record<string, string> };

export const STORAGE_KINDS = ["local", "s3", "vercel-blob"] as const;
