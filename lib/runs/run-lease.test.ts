import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkpointRun, getRun, insertRun, markInterruptedRuns, RUN_LEASE_MS } from "@/db/queries";

// A streaming run is vouched for by its instance's lease; only runs whose
// lease ran out (or that have none, from before leases) are closed by a sweep.

describe("run leases", () => {
  it("only lapsed leases are swept", async () => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-lease-"));
    const now = Date.now();
    const base = { status: "streaming" as const, provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], createdAt: new Date(now - 60_000) };
    await insertRun({ ...base, id: "live", leaseUntil: new Date(now + RUN_LEASE_MS) });
    await insertRun({ ...base, id: "dead", leaseUntil: new Date(now - 1), outputText: "partial answer" });
    expect(await markInterruptedRuns(undefined, now)).toBe(1);
    expect((await getRun("live"))!.status).toBe("streaming");
    expect(await getRun("dead")).toMatchObject({ status: "interrupted", errorCode: "interrupted", outputText: "partial answer", leaseUntil: null });
  });

  it("a checkpoint renews the lease; a run from before leases (none) is swept", async () => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-lease-"));
    const now = Date.now();
    const base = { status: "streaming" as const, provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], createdAt: new Date(now - 60_000) };
    await insertRun({ ...base, id: "renewed", leaseUntil: new Date(now - 1) });
    await insertRun({ ...base, id: "legacy", leaseUntil: null });
    await checkpointRun("renewed", { outputText: "more text", outputReasoning: "" });
    expect((await getRun("renewed"))!.leaseUntil!.getTime()).toBeGreaterThanOrEqual(now + RUN_LEASE_MS);
    expect(await markInterruptedRuns(undefined, now)).toBe(1);
    expect((await getRun("renewed"))!.status).toBe("streaming");
    expect((await getRun("legacy"))!.status).toBe("interrupted");
  });
});
