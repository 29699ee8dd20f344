import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { insertApiKey } from "@/db/gateway-queries";
import { insertRun } from "@/db/queries";
import { ownerActor } from "@/test/support/test-actor";
import { loadShared, shareRun } from "./share-runs";

// What a public link hands a stranger: the run's text and numbers, never who
// made it, with which key, or ids that lead to the author's other runs.

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-share-redaction-"));
});

const KEY_NAME = "ci-secret-deploy-key";

describe("share redaction", () => {
  it("a gateway run's API key name, key id, author and internal ids never reach the shared view", async () => {
    const owner = await ownerActor();
    await insertApiKey({ id: "key-1", userId: owner.id, name: KEY_NAME, prefix: "pg_abcd", keyHash: "h".repeat(64), createdAt: new Date(), expiresAt: null, revokedAt: null, lastUsedAt: null, allowedProviders: null, allowedModels: null, monthlyBudgetUsd: null, rpm: null, maxConcurrent: null } as never);
    await insertRun({ id: "gateway-run", status: "done", provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [{ role: "user", parts: [{ type: "text", text: "from code" }] }], outputText: "answer", userId: owner.id, apiKeyId: "key-1", conversationId: "conv-1", createdAt: new Date() });
    const { shareId } = await shareRun("gateway-run", owner, "https://play.example");
    const view = (await loadShared(shareId))!;
    expect(view.kind).toBe("run");
    expect(view.runs[0]).toMatchObject({ id: "shared-0", output: { text: "answer" }, apiKeyId: null, apiKeyName: null, author: null, userId: null, shareId: null, conversationId: null });
    const text = JSON.stringify(view);
    for (const secret of [KEY_NAME, "key-1", "gateway-run", owner.id, shareId, "conv-1"]) expect(text).not.toContain(secret);
  });

  it("sharing a run of a repeat batch shares the batch: the last run of each target, redacted", async () => {
    const owner = await ownerActor();
    const base = Date.now() - 10_000;
    for (let i = 0; i < 4; i++) {
      await insertRun({ id: `batch-${i}`, status: "done", provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], outputText: `sample ${i}`, userId: owner.id, compareGroupId: "batch-group", compareColumn: 0, createdAt: new Date(base + i * 1000) });
    }
    const { shareId } = await shareRun("batch-1", owner, "https://play.example");
    const view = (await loadShared(shareId))!;
    expect(view.kind).toBe("comparison");
    expect(view.runs.map((r) => r.output.text)).toEqual(["sample 3"]);
    expect(view.runs[0]!.compareGroupId).toBeNull();
    expect(JSON.stringify(view)).not.toContain("batch-group");
  });
});
