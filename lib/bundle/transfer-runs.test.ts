import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ownerActor } from "@/test/support/test-actor";
import { describe, expect, it } from "vitest";
import { finishRun, getRun, insertRun, setShareId } from "@/db/queries";
import { uploadFixture } from "@/test/support/provider-contract";
import { readStored } from "@/lib/uploads/upload-store";
import { exportRuns, importBundle } from "./transfer-runs";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "playground-bundle-"));

describe("export and import", () => {
  it("round-trips runs with their attachments into another instance, without duplicates", async () => {
    process.env.DATA_DIR = tempDir();
    const image = await uploadFixture("sample.png");
    await insertRun({ id: "run-a", status: "streaming", provider: "simulator", model: "qwen3.5-flash", params: { temperature: 0.2 }, messages: [{ role: "user", parts: [{ type: "text", text: "hi" }, image] }], promptText: "hi", createdAt: new Date("2026-11-20T10:00:00Z") });
    await finishRun("run-a", { status: "done", outputText: "hello", costUsd: 0.001, ttftMs: 120 });
    await setShareId("run-a", "secretsharelinkxxxxxxxxx");
    const original = (await getRun("run-a"))!;

    const bundle = await exportRuns(["run-a", "missing"], await ownerActor());
    expect(bundle.runs).toHaveLength(1);
    expect(bundle.uploads.map((u) => u.id)).toEqual([image.id]);
    expect(JSON.stringify(bundle)).not.toContain("secretsharelink");

    process.env.DATA_DIR = tempDir();
    expect(await getRun("run-a")).toBeUndefined();
    expect(await importBundle(JSON.parse(JSON.stringify(bundle)), await ownerActor())).toEqual({ runsImported: 1, runsSkipped: 0, uploadsImported: 1, uploadsSkipped: 0 });
    // An imported run belongs to whoever imported it.
    expect(await getRun("run-a")).toEqual({ ...original, shareId: null, userId: "local-owner", imported: true });
    expect(await readStored(image.id)).toEqual(fs.readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/sample.png")));
    expect(await importBundle(bundle, await ownerActor())).toEqual({ runsImported: 0, runsSkipped: 1, uploadsImported: 0, uploadsSkipped: 1 });
  });

  it("refuses a bundle that is not one, or whose file does not match its hash", async () => {
    await expect(importBundle({ hello: "world" }, await ownerActor())).rejects.toMatchObject({ status: 400, code: "invalid_bundle" });
    process.env.DATA_DIR = tempDir();
    const image = await uploadFixture("sample.png");
    await insertRun({ id: "run-b", status: "done", provider: "simulator", model: "m", params: {}, messages: [{ role: "user", parts: [image] }], createdAt: new Date() });
    const bundle = await exportRuns(["run-b"], await ownerActor());
    process.env.DATA_DIR = tempDir();
    bundle.uploads[0]!.dataBase64 = Buffer.from("tampered").toString("base64");
    await expect(importBundle(bundle, await ownerActor())).rejects.toMatchObject({ status: 400, message: expect.stringContaining("does not match its sha256") });
  });
});
