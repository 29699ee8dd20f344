import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { UploadStorage } from "./upload-storage";

/** Files under DATA_DIR (the default): written once, atomically (temp file + rename). */
export function localStorage(dataDir: string): UploadStorage & { fileOf(key: string): string } {
  const fileOf = (key: string) => {
    const file = path.resolve(dataDir, key);
    // Keys are made by the server, but a path must never leave DATA_DIR whatever happens.
    if (!file.startsWith(path.resolve(dataDir) + path.sep)) throw new Error("invalid storage key");
    return file;
  };
  return {
    kind: "local",
    fileOf,
    async exists(key) {
      return fsp.access(fileOf(key)).then(
        () => true,
        () => false,
      );
    },
    async put(key, bytes) {
      const file = fileOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      await fsp.writeFile(temp, bytes);
      await fsp.rename(temp, file);
    },
    read: (key) => fsp.readFile(fileOf(key)),
    async stream(key) {
      return Readable.toWeb(fs.createReadStream(fileOf(key))) as ReadableStream<Uint8Array>;
    },
    async remove(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
  };
}
