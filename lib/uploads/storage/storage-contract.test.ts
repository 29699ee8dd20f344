import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUpload } from "@/db/queries";
import { ownerActor } from "@/test/support/test-actor";
import { completeDirectUpload, startDirectUpload } from "../direct-upload";
import { handleUpload } from "../handle-upload";
import { serveUpload } from "../serve-upload";
import { uploadStorage } from "./index";
import { startFakeBlobStore, type FakeBlobStore } from "@/test/support/fake-blob-store";
import { noiseVideo } from "@/test/support/noise-video";

// One upload suite, three stores: local disk, S3 (s3rver on 127.0.0.1) and
// Vercel Blob (a local fake of its HTTP API). Each must store, serve and
// delete the same way; the two remote ones also take a file straight from the
// client (30 MB of video included) and check it before it can be used.

const root = path.resolve(import.meta.dirname, "../../..");
const png = fs.readFileSync(path.join(root, "e2e/fixtures/sample.png"));
const temp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `playground-${name}-`));

let s3: S3rver;
let s3Url = "";
let blob: FakeBlobStore;
let bigVideo: Buffer;

beforeAll(async () => {
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: temp("s3rver"), configureBuckets: [{ name: "uploads", configs: [] }] });
  const { port } = (await s3.run()) as { port: number };
  s3Url = `http://127.0.0.1:${port}`;
  blob = await startFakeBlobStore();
  // About 30 MB of real MP4.
  bigVideo = fs.readFileSync(noiseVideo(12));
}, 120_000);

afterAll(async () => {
  await s3?.close();
  await blob?.close();
});

const stores = {
  local: () => ({ STORAGE: "local" }),
  s3: () => ({ STORAGE: "s3", S3_ENDPOINT: s3Url, S3_BUCKET: "uploads", S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER", S3_FORCE_PATH_STYLE: "true" }),
  "vercel-blob": () => ({ STORAGE: "vercel-blob", BLOB_READ_WRITE_TOKEN: blob.token, VERCEL_BLOB_API_URL: blob.apiUrl }),
};

function use(env: Record<string, string>) {
  for (const name of ["STORAGE", "S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "BLOB_READ_WRITE_TOKEN", "VERCEL_BLOB_API_URL"]) delete process.env[name];
  Object.assign(process.env, env, { DATA_DIR: temp("storage") });
}

function multipart(bytes: Uint8Array, name: string, type: string): Request {
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(bytes)], { type }), name);
  return new Request("http://localhost/api/uploads", { method: "POST", body: form });
}

/** What the browser does: PUT the file to the signed URL it was given. */
async function putDirect(target: { url: string; method: string; headers: Record<string, string> }, bytes: Uint8Array) {
  const response = await fetch(target.url, { method: target.method, headers: target.headers, body: Buffer.from(bytes) });
  expect(response.ok, `direct PUT answered ${response.status}: ${await response.clone().text()}`).toBe(true);
}

describe.each(Object.keys(stores) as (keyof typeof stores)[])("uploads on %s", (kind) => {
  beforeAll(() => use(stores[kind]()));

  it("stores, reads, streams and removes bytes", async () => {
    const storage = uploadStorage();
    expect(storage.kind).toBe(kind);
    const key = `incoming/contract-${kind}`;
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, png, "image/png");
    expect(await storage.exists(key)).toBe(true);
    expect(Buffer.compare(await storage.read(key), png)).toBe(0);
    expect(Buffer.compare(Buffer.from(await new Response(await storage.stream(key)).arrayBuffer()), png)).toBe(0);
    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it("an upload through the server is checked, stored once under its sha256 and served back through the API", async () => {
    const owner = await ownerActor();
    const first = await handleUpload(multipart(png, "a.png", "image/png"), owner);
    expect(first.status).toBe(201);
    const info = await first.json();
    expect(info).toMatchObject({ mediaType: "image/png", size: png.byteLength });
    expect((await handleUpload(multipart(png, "again.png", "image/png"), owner)).status).toBe(200);
    const served = await serveUpload(info.id);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), png)).toBe(0);
  });

  if (kind === "local") {
    it("has no direct upload: the client is told to post the file to the server", async () => {
      await expect(startDirectUpload({ mediaType: "video/mp4", size: bigVideo.byteLength }, await ownerActor())).rejects.toMatchObject({ status: 409, code: "direct_upload_unavailable" });
    });
    return;
  }

  it("a 30 MB video goes straight to the store, is checked afterwards (type, size, duration) and served through the API", async () => {
    const owner = await ownerActor();
    const target = await startDirectUpload({ mediaType: "video/mp4", size: bigVideo.byteLength }, owner);
    expect(bigVideo.byteLength).toBeGreaterThan(25 * 1024 * 1024);
    await putDirect(target, bigVideo);
    const done = await completeDirectUpload({ token: target.token }, owner);
    expect(done.status).toBe(201);
    const info = await done.json();
    expect(info).toMatchObject({ mediaType: "video/mp4", size: bigVideo.byteLength, width: 640, height: 360 });
    expect(info.durationS).toBeCloseTo(12, 0);
    expect((await getUpload(info.id))?.size).toBe(bigVideo.byteLength);
    const served = Buffer.from(await (await serveUpload(info.id)).arrayBuffer());
    expect(Buffer.compare(served, bigVideo)).toBe(0);
    // The staging copy is gone once the file is filed under its sha256.
    expect(await uploadStorage().exists(`incoming/${Buffer.from(target.token.split(".")[0]!, "base64url").toString().split(":")[0]}`)).toBe(false);
  }, 120_000);

  it("a file that is not what it claims is refused after the upload and deleted from the store", async () => {
    const owner = await ownerActor();
    const fake = Buffer.from("#!/bin/sh\necho this is not a video\n".repeat(100));
    const target = await startDirectUpload({ mediaType: "video/mp4", size: fake.byteLength }, owner);
    await putDirect(target, fake);
    await expect(completeDirectUpload({ token: target.token }, owner)).rejects.toMatchObject({ status: 415 });
    const stagingId = Buffer.from(target.token.split(".")[0]!, "base64url").toString().split(":")[0];
    expect(await uploadStorage().exists(`incoming/${stagingId}`)).toBe(false);
  });

  it("a token is bound to its person and cannot be forged", async () => {
    const owner = await ownerActor();
    const target = await startDirectUpload({ mediaType: "image/png", size: png.byteLength }, owner);
    await putDirect(target, png);
    await expect(completeDirectUpload({ token: target.token }, { id: "someone-else" })).rejects.toMatchObject({ status: 400, code: "invalid_token" });
    await expect(completeDirectUpload({ token: `${target.token.split(".")[0]}.forged` }, owner)).rejects.toMatchObject({ status: 400 });
    expect((await completeDirectUpload({ token: target.token }, owner)).status).toBeLessThan(300);
  });

  it("refuses a declared size over the limit before anything is uploaded", async () => {
    await expect(startDirectUpload({ mediaType: "video/mp4", size: 500 * 1024 * 1024 }, await ownerActor())).rejects.toMatchObject({ status: 413 });
    await expect(startDirectUpload({ mediaType: "text/html", size: 10 }, await ownerActor())).rejects.toMatchObject({ status: 415 });
  });
});
