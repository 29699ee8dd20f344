import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkpointRun, finishRun, getRun, insertRun, markInterruptedRuns, RUN_LEASE_MS } from "@/db/queries";
import { ownerActor } from "@/test/support/test-actor";
import { admitRun } from "./admission";
import { instanceId, leaseTick } from "./run-leases";
import { RunRecorder } from "./run-recorder";

// A streaming run is vouched for by its instance's lease. Only other instances'
// runs whose lease ran out (or that have none, from before leases) are closed by
// a sweep; an instance never closes its own, and its real ending wins over a mark.

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-lease-"));
});

const base = (now: number) => ({ status: "streaming" as const, provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], createdAt: new Date(now - 60_000) });

describe("run leases", () => {
  it("only other instances' lapsed leases are swept", async () => {
    const now = Date.now();
    await insertRun({ ...base(now), id: "live", instanceId: "other", leaseUntil: new Date(now + RUN_LEASE_MS) });
    await insertRun({ ...base(now), id: "dead", instanceId: "other", leaseUntil: new Date(now - 1), outputText: "partial answer" });
    await insertRun({ ...base(now), id: "legacy", leaseUntil: null });
    expect(await leaseTick(now)).toBe(2);
    expect((await getRun("live"))!.status).toBe("streaming");
    expect(await getRun("dead")).toMatchObject({ status: "interrupted", errorCode: "interrupted", outputText: "partial answer", leaseUntil: null });
    expect((await getRun("legacy"))!.status).toBe("interrupted");
  });

  it("an event loop blocked for 10 s marks none of its own runs interrupted; another instance would", async () => {
    const actor = await ownerActor();
    const admitted = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const run = { ...base(Date.now()), id: `own-${i}`, createdAt: new Date() };
        const { writeRow } = await admitRun(run, actor, 0);
        await writeRow?.();
        return run.id;
      }),
    );
    // Ten seconds pass with no renewal (the loop was busy): every lease has lapsed.
    const later = Date.now() + 10_000;
    for (const id of admitted) expect((await getRun(id))!.leaseUntil!.getTime()).toBeLessThan(later);
    expect(await leaseTick(later)).toBe(0);
    for (const id of admitted) expect((await getRun(id))!.status).toBe("streaming");
    // The tick renewed them all from then on, so another instance's sweep sees them alive too.
    expect(await markInterruptedRuns(undefined, later + 1000, "another-instance")).toBe(0);
  });

  it("one renewal covers every live run of the instance and none of another's; a checkpoint saves text only", async () => {
    const now = Date.now();
    for (let i = 0; i < 50; i++) await insertRun({ ...base(now), id: `mine-${i}`, instanceId: instanceId(), leaseUntil: new Date(now - 1) });
    await insertRun({ ...base(now), id: "theirs", instanceId: "other", leaseUntil: new Date(now - 1) });
    await checkpointRun("theirs", { outputText: "more text", outputReasoning: "" });
    expect((await getRun("theirs"))!.leaseUntil!.getTime()).toBe(now - 1);
    expect(await leaseTick(now)).toBe(1);
    const renewed = (await getRun("mine-49"))!.leaseUntil!.getTime();
    expect(renewed).toBe(now + RUN_LEASE_MS);
    expect(await getRun("theirs")).toMatchObject({ status: "interrupted", outputText: "more text" });
  });

  it("a run another instance marked interrupted still records its text, usage and cost when it finishes", async () => {
    const now = Date.now();
    await insertRun({ ...base(now), id: "busy", instanceId: instanceId(), leaseUntil: new Date(now - 1), reservedUsd: 0.5 });
    expect(await markInterruptedRuns(undefined, now, "another-instance")).toBe(1);
    const recorder = new RunRecorder("busy", { currency: "USD", tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 2 }], source: { url: "https://example.com", retrievedAt: "2026-12-01" } } as never, { describe: () => ({ code: "x", message: "x" }) });
    recorder.observe({ type: "text-delta", id: "t", text: "the whole answer" } as never);
    recorder.observe({ type: "finish", finishReason: "stop", rawFinishReason: "stop", totalUsage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 } } as never);
    await recorder.settle();
    const row = (await getRun("busy"))!;
    expect(row).toMatchObject({ status: "done", outputText: "the whole answer", inputTokens: 1000, outputTokens: 500, errorCode: null, reservedUsd: null });
    expect(row.costUsd).toBeGreaterThan(0);
    // Nobody else can finish it over the mark, and a finished row stays finished.
    expect(await finishRun("busy", { status: "error" }, undefined, "another-instance")).toBe(false);
    expect(await finishRun("busy", { status: "error" }, undefined, instanceId())).toBe(false);
  });
});
