import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { spendWithReservations } from "@/db/gateway-queries";
import { getRun, insertRun, setShareId } from "@/db/queries";
import { uploadInShare, uploadVisibleTo } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { admitRun } from "@/lib/runs/admission";
import { forActor } from "@/lib/runs/run-access";
import { handleUpload } from "@/lib/uploads/handle-upload";
import { sha256 } from "@/lib/uploads/upload-store";
import { personActor } from "@/test/support/test-actor";
import { BUNDLE_FORMAT } from "./bundle-schema";
import { exportRuns, importBundle } from "./transfer-runs";

// A bundle is someone else's claim: its numbers never become spend, and no file
// leaves (or enters someone's reach) unless its reader may read it.

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-bundle-trust-"));
});

const png = () => fs.readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/sample.png"));

async function upload(actor: Actor, bytes: Buffer, name = "file.png"): Promise<string> {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name));
  const response = await handleUpload(new Request("http://localhost/api/uploads", { method: "POST", body: form }), actor);
  return ((await response.json()) as { id: string }).id;
}

function bundleRun(overrides: Record<string, unknown> = {}) {
  return {
    id: "imported-run",
    status: "done",
    provider: "simulator",
    model: "qwen3.5-flash",
    params: {},
    system: null,
    messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] }],
    promptText: "hi",
    outputText: "hello",
    outputReasoning: "",
    toolCalls: [],
    finishReason: "stop",
    inputTokens: 10,
    outputTokens: 20,
    reasoningTokens: null,
    cachedInputTokens: null,
    usageEstimated: false,
    costUsd: 0.5,
    providerCostUsd: null,
    providerReport: {},
    attachmentsSent: [],
    ttftMs: 100,
    durationMs: 900,
    tokensPerSecond: 25,
    errorCode: null,
    errorMessage: null,
    compareGroupId: null,
    compareColumn: null,
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    finishedAt: new Date(Date.now() - 59_000).toISOString(),
    ...overrides,
  };
}

const bundleOf = (runs: unknown[], uploads: unknown[] = []) => ({ format: BUNDLE_FORMAT, version: 1, exportedAt: new Date().toISOString(), runs, uploads });

describe("an import cannot touch money", () => {
  it.each([
    ["costUsd", -1000],
    ["costUsd", 1e308],
    ["providerCostUsd", -0.01],
    ["inputTokens", -5],
    ["outputTokens", 1.5],
    ["outputTokens", 1e12],
    ["ttftMs", -1],
    ["durationMs", 1e300],
    ["tokensPerSecond", -3],
  ])("%s = %s is refused with a 400 naming the field", async (field, value) => {
    const member = await personActor("mallory", "member", { monthlyBudgetUsd: 0.0002 });
    await expect(importBundle(bundleOf([bundleRun({ [field]: value })]), member)).rejects.toMatchObject({ status: 400, field: `runs.0.${field}` });
    expect(await getRun("imported-run")).toBeUndefined();
  });

  it("a date in the future is refused", async () => {
    const member = await personActor("mallory");
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await expect(importBundle(bundleOf([bundleRun({ createdAt: future })]), member)).rejects.toMatchObject({ status: 400, field: "runs.0.createdAt" });
    await expect(importBundle(bundleOf([bundleRun({ finishedAt: future })]), member)).rejects.toMatchObject({ status: 400, field: "runs.0.finishedAt" });
  });

  it("an imported run keeps its numbers for display, is marked imported, and never counts toward spend or a cap", async () => {
    const member = await personActor("mallory", "member", { monthlyBudgetUsd: 0.0002 });
    await importBundle(bundleOf([bundleRun({ costUsd: 9000, providerCostUsd: 9000 })]), member);
    const row = (await getRun("imported-run"))!;
    expect(row).toMatchObject({ imported: true, costUsd: 9000, userId: "mallory" });
    const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    expect(await spendWithReservations({ userId: "mallory" }, month, await getDb())).toEqual({ spentUsd: 0, reservedUsd: 0 });
    // The cap still holds for what the member really runs: it was neither used up nor loosened.
    const run = { id: "real", status: "streaming" as const, provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], createdAt: new Date() };
    await expect(admitRun(run, member, 0.001)).rejects.toMatchObject({ status: 402, code: "over_budget" });
    expect((await admitRun({ ...run, id: "small" }, member, 0.0001)).writeRow).toBeNull();
  });
});

describe("no file leaves unless its reader may read it", () => {
  it("an upload id written in a prompt does not export, share or import someone else's file", async () => {
    const alice = await personActor("alice");
    const bob = await personActor("bob");
    const secret = await upload(alice, png());
    const mention = `/api/uploads/${secret}`;
    // Bob's run names Alice's file in its text and even claims it as a file part (as a forged row would).
    await insertRun({
      id: "bob-run",
      status: "done",
      provider: "simulator",
      model: "qwen3.5-flash",
      params: {},
      messages: [{ id: "m", role: "user", parts: [{ type: "text", text: `see ${mention}` }, { type: "file", url: mention, mediaType: "image/png" }] }],
      userId: "bob",
      createdAt: new Date(),
    });

    const bundle = await exportRuns(["bob-run"], bob);
    expect(bundle.uploads).toEqual([]);

    await setShareId("bob-run", "bobsharelinkxxxxxxxxxxxx");
    expect(await uploadInShare(secret, "bobsharelinkxxxxxxxxxxxx")).toBe(false);

    // A bundle that claims Alice's file was sent, without carrying its bytes, grants nothing.
    const claim = bundleRun({ id: "claim", attachmentsSent: [{ uploadId: secret, mediaType: "image/png", form: "data-url", bytesSent: 10 }] });
    await importBundle(bundleOf([claim]), bob);
    expect((await getRun("claim"))!.attachmentsSent).toEqual([]);
    expect(await uploadVisibleTo(secret, "bob", false)).toBe(false);
  });

  it("a file the exporter attached travels; an imported file is checked by its bytes like an upload", async () => {
    const bob = await personActor("bob");
    const own = await upload(bob, png());
    const part = { type: "file", url: `/api/uploads/${own}`, mediaType: "image/png" };
    await insertRun({
      id: "with-file",
      status: "done",
      provider: "simulator",
      model: "qwen3.5-flash",
      params: {},
      messages: [{ id: "m", role: "user", parts: [part] }],
      attachmentsSent: [{ uploadId: own, mediaType: "image/png", form: "data-url", bytesSent: 1 }],
      userId: "bob",
      createdAt: new Date(),
    });
    expect((await exportRuns(["with-file"], bob)).uploads.map((u) => u.id)).toEqual([own]);

    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const forged = { id: sha256(html), mediaType: "image/png", size: html.byteLength, width: 1, height: 1, durationS: null, createdAt: new Date().toISOString(), dataBase64: html.toString("base64") };
    await expect(importBundle(bundleOf([bundleRun({ id: "forged" })], [forged]), bob)).rejects.toMatchObject({ status: 415, code: "unsupported_media", field: "uploads.0.dataBase64" });
    expect(await getRun("forged")).toBeUndefined();
  });

  it("an admin who may not read a run's text sees neither its upload ids nor its share id", async () => {
    const admin = await personActor("ada", "admin");
    const row = {
      id: "private",
      status: "done" as const,
      provider: "simulator",
      model: "qwen3.5-flash",
      params: {},
      messages: [],
      attachmentsSent: [{ uploadId: "f".repeat(64), mediaType: "image/png", form: "data-url" as const, bytesSent: 1 }],
      shareId: "privatesharexxxxxxxxxxxx",
      userId: "bob",
      createdAt: new Date(),
    };
    await insertRun(row);
    const seen = forActor((await getRun("private"))!, admin);
    expect(seen).toMatchObject({ contentHidden: true, attachmentsSent: [], shareId: null });
    expect(JSON.stringify(seen)).not.toContain("f".repeat(64));
  });
});
