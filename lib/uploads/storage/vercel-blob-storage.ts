import "server-only";
import { BlobNotFoundError, del, get, head, issueSignedToken, presignUrl, put } from "@vercel/blob";
import type { UploadStorage } from "./upload-storage";

/** Vercel Blob with private access: files are read with the token, never from a public URL. */
export function vercelBlobStorage(token: string): UploadStorage {
  const access = "private" as const;
  return {
    kind: "vercel-blob",
    async exists(key) {
      try {
        await head(key, { token });
        return true;
      } catch (error) {
        if (error instanceof BlobNotFoundError) return false;
        throw error;
      }
    },
    async put(key, bytes, contentType) {
      await put(key, Buffer.from(bytes), { access, token, contentType, addRandomSuffix: false, allowOverwrite: true });
    },
    async read(key) {
      const result = await get(key, { access, token, useCache: false });
      if (result?.statusCode !== 200) throw new BlobNotFoundError();
      return Buffer.from(await new Response(result.stream).arrayBuffer());
    },
    async stream(key) {
      const result = await get(key, { access, token });
      if (result?.statusCode !== 200) throw new BlobNotFoundError();
      return result.stream;
    },
    async remove(key) {
      await del(key, { token });
    },
    async directUploadTarget(key, contentType, size) {
      // A delegation for this one pathname, type and size, for 15 minutes; the browser PUTs with the presigned URL.
      const validUntil = Date.now() + 15 * 60_000;
      const signed = await issueSignedToken({ token, pathname: key, operations: ["put"], validUntil, maximumSizeInBytes: size, allowedContentTypes: [contentType] });
      const { presignedUrl } = await presignUrl(signed, { operation: "put", pathname: key, access, validUntil, allowedContentTypes: [contentType], maximumSizeInBytes: size, addRandomSuffix: false, allowOverwrite: true });
      return { url: presignedUrl, method: "PUT", headers: { "x-content-type": contentType, "x-vercel-blob-access": access } };
    },
  };
}
