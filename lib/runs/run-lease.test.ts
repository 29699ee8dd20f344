import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkpointRun, finishRun, getRun, insertRun, markInterruptedRuns, RUN_LEASE_MS } from "@/db/queries";
import { ownerActor } from "@/test/support/test-actor";
import { admitRun } from "./admission";
import { instanceId, leaseTick } from "./run-leases";
import { RunRecorder } from "./run-recorder";
import { trackRun } from "./shutdown";

// A streaming run is vouched for by its instance's lease. A sweep closes runs
// whose lease ran out (or that have none, from before leases), but never a run
// the sweeping instance is itself streaming; and a run's real ending wins over
// another instance's mark.

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-lease-"));
});

const base = (now: number) => ({ status: "streaming" as const, provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], createdAt: new Date(now - 60_000) });

/** Marks a run as streaming in this process until the returned function is called. */
function live(runId: string): () => void {
  let end: () => void = () => {};
  trackRun(runId, { interrupt: () => undefined, settle: async () => undefined }, new Promise<void>((resolve) => (end = resolve)));
  return end;
}

describe("run leases", () => {
  it("lapsed leases of runs nobody is streaming are swept", async () => {
    const now = Date.now();
    await insertRun({ ...base(now), id: "live", instanceId: "other", leaseUntil: new Date(now + RUN_LEASE_MS) });
    await insertRun({ ...base(now), id: "dead", instanceId: "other", leaseUntil: new Date(now - 1), outputText: "partial answer" });
    await insertRun({ ...base(now), id: "legacy", leaseUntil: null });
    expect(await leaseTick(now)).toBe(2);
    expect((await getRun("live"))!.status).toBe("streaming");
    expect(await getRun("dead")).toMatchObject({ status: "interrupted", errorCode: "interrupted", outputText: "partial answer", leaseUntil: null });
    expect((await getRun("legacy"))!.status).toBe("interrupted");
  });

  it("an event loop blocked for 10 s marks none of its own live runs interrupted; another instance would", async () => {
    const actor = await ownerActor();
    const ends: (() => void)[] = [];
    const admitted = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const run = { ...base(Date.now()), id: `own-${i}`, createdAt: new Date() };
        const { writeRow } = await admitRun(run, actor, 0);
        await writeRow?.();
        ends.push(live(run.id));
        return run.id;
      }),
    );
    // Ten seconds pass with no renewal (the loop was busy): every lease has lapsed.
    const later = Date.now() + 10_000;
    for (const id of admitted) expect((await getRun(id))!.leaseUntil!.getTime()).toBeLessThan(later);
    expect(await leaseTick(later)).toBe(0);
    for (const id of admitted) expect((await getRun(id))!.status).toBe("streaming");
    // The tick renewed them all from then on, so another instance's sweep sees them alive too.
    expect(await markInterruptedRuns(undefined, later + 1000)).toBe(0);
    for (const end of ends) end();
  });

  it("one renewal covers every live run and nothing else; a checkpoint saves text only", async () => {
    const now = Date.now();
    const ends: (() => void)[] = [];
    for (let i = 0; i < 50; i++) {
      await insertRun({ ...base(now), id: `mine-${i}`, instanceId: instanceId(), leaseUntil: new Date(now - 1) });
      ends.push(live(`mine-${i}`));
    }
    await insertRun({ ...base(now), id: "theirs", instanceId: "other", leaseUntil: new Date(now - 1) });
    // Ours, but no longer streaming here (its final write failed): swept, never left streaming.
    await insertRun({ ...base(now), id: "orphan", instanceId: instanceId(), leaseUntil: new Date(now - 1) });
    await checkpointRun("theirs", { outputText: "more text", outputReasoning: "" });
    expect((await getRun("theirs"))!.leaseUntil!.getTime()).toBe(now - 1);
    expect(await leaseTick(now)).toBe(2);
    expect((await getRun("mine-49"))!.leaseUntil!.getTime()).toBe(now + RUN_LEASE_MS);
    expect(await getRun("theirs")).toMatchObject({ status: "interrupted", outputText: "more text" });
    expect((await getRun("orphan"))!.status).toBe("interrupted");
    for (const end of ends) end();
  });

  it("a run another instance marked interrupted still records its text, usage and cost when it finishes", async () => {
    const now = Date.now();
    await insertRun({ ...base(now), id: "busy", instanceId: instanceId(), leaseUntil: new Date(now - 1), reservedUsd: 0.5 });
    expect(await markInterruptedRuns(undefined, now)).toBe(1);
    const pricing = { currency: "USD", tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 2 }], reasoningBilledAs: "output", toolCallPrices: {}, source: { url: "https://example.com", checkedAt: "2026-12-01" } };
    const recorder = new RunRecorder("busy", pricing as never, { describe: () => ({ code: "x", message: "x" }) });
    recorder.observe({ type: "text-delta", id: "t", text: "the whole answer" } as never);
    recorder.observe({ type: "finish", finishReason: "stop", rawFinishReason: "stop", totalUsage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 } } as never);
    await recorder.settle();
    const row = (await getRun("busy"))!;
    expect(row).toMatchObject({ status: "done", outputText: "the whole answer", inputTokens: 1000, outputTokens: 500, errorCode: null, reservedUsd: null });
    expect(row.costUsd).toBeCloseTo(0.002, 10);
    // Nobody else can finish it over the mark, and a finished row stays finished.
    expect(await finishRun("busy", { status: "error" }, undefined, "another-instance")).toBe(false);
    expect(await finishRun("busy", { status: "error" }, undefined, instanceId())).toBe(false);
  });
});
