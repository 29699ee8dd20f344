import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ownerActor } from "@/test/support/test-actor";
import { uploadFixture } from "@/test/support/provider-contract";

// An import that fails half-way (here: the second run's insert, as a full disk
// or a dropped connection would) leaves no trace in the database: not the
// first run, not the upload rows, not the upload's owner.

const failOn = vi.hoisted(() => ({ runId: "" }));
vi.mock("@/db/queries", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/db/queries")>();
  return {
    ...original,
    insertRun: (async (row, tx) => {
      if (row.id === failOn.runId) throw new Error("SQLITE_FULL: database or disk is full");
      return original.insertRun(row, tx);
    }) as typeof original.insertRun,
  };
});

const { getRun, getUpload, insertRun, finishRun } = await import("@/db/queries");
const { exportRuns, importBundle } = await import("./transfer-runs");

describe("bundle import", () => {
  it("rolls back every row when one write fails half-way", async () => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-rollback-"));
    const image = await uploadFixture("sample.png");
    for (const id of ["run-1", "run-2", "run-3"]) {
      await insertRun({ id, status: "streaming", provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [{ role: "user", parts: [{ type: "text", text: id }, image] }], promptText: id, createdAt: new Date("2026-11-20T10:00:00Z") });
      await finishRun(id, { status: "done", outputText: "ok" });
    }
    const bundle = await exportRuns(["run-1", "run-2", "run-3"], await ownerActor());
    expect(bundle.runs).toHaveLength(3);

    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-rollback-"));
    failOn.runId = bundle.runs[1]!.id;
    await expect(importBundle(bundle, await ownerActor())).rejects.toThrow("SQLITE_FULL");
    for (const run of bundle.runs) expect(await getRun(run.id)).toBeUndefined();
    expect(await getUpload(image.id)).toBeUndefined();

    // Once the cause is gone, the same bundle imports whole.
    failOn.runId = "";
    expect(await importBundle(bundle, await ownerActor())).toEqual({ runsImported: 3, runsSkipped: 0, uploadsImported: 1, uploadsSkipped: 0 });
  });
});
