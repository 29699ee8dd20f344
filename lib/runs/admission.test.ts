import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { finishRun, getRun, insertRun } from "@/db/queries";
import { personActor } from "@/test/support/test-actor";
import { admitRun } from "./admission";

// Budgets are hard caps: what the admission lets through can never add up past one.

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-admission-"));
});

let n = 0;
const row = (userId?: string) => ({ id: `run-${++n}`, status: "streaming" as const, provider: "openrouter", model: "qwen/qwen3.5-flash-02-23", params: {}, messages: [], userId, createdAt: new Date() });

describe("budget admission", () => {
  it("an offering without a price is refused under a cap (its worst case is unknown), and admitted without one", async () => {
    const capped = await personActor("cara", "member", { monthlyBudgetUsd: 5 });
    await expect(admitRun(row(), capped, null)).rejects.toMatchObject({ status: 402, code: "budget_unknown_price", message: expect.stringContaining("no price") });
    const free = await personActor("finn");
    const admitted = await admitRun(row(), free, null);
    expect(admitted.writeRow).not.toBeNull();
  });

  it("the provider-billed cost counts as spend when it is larger than the computed one", async () => {
    const member = await personActor("mia", "member", { monthlyBudgetUsd: 0.01 });
    const first = row();
    await insertRun({ ...first, userId: member.id });
    await finishRun(first.id, { status: "done", costUsd: 0.001, providerCostUsd: 0.009 });
    // 0.009 billed + 0.002 worst case > 0.01, though the computed 0.001 + 0.002 would fit.
    await expect(admitRun(row(), member, 0.002)).rejects.toMatchObject({ status: 402, code: "over_budget", message: expect.stringContaining("spent $0.00900") });
    expect((await admitRun(row(), member, 0.0009)).writeRow).toBeNull();
  });

  it("parallel admissions reserve in turn: two calls that each fit alone cannot both pass the cap", async () => {
    const member = await personActor("pat", "member", { monthlyBudgetUsd: 0.01 });
    const results = await Promise.allSettled([admitRun(row(member.id), member, 0.006), admitRun(row(member.id), member, 0.006), admitRun(row(member.id), member, 0.006)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 402 });
  });

  it("a reservation is held while the run streams and released to its real cost when it ends", async () => {
    const member = await personActor("rae", "member", { monthlyBudgetUsd: 0.01 });
    const streaming = row(member.id);
    await admitRun(streaming, member, 0.008);
    expect((await getRun(streaming.id))!.reservedUsd).toBe(0.008);
    await expect(admitRun(row(member.id), member, 0.003)).rejects.toMatchObject({ status: 402, message: expect.stringContaining("reserved by runs in progress") });
    await finishRun(streaming.id, { status: "done", costUsd: 0.001 });
    expect((await admitRun(row(member.id), member, 0.003)).writeRow).toBeNull();
  });
});
