import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOffering, findProvider } from "@/lib/catalog";
import { getCatalog, getPublicCatalog, invalidateCatalog } from "@/lib/catalog/public-catalog";
import { codeRequestFor } from "@/lib/code/code-request";
import { generateCode } from "@/lib/code/generate-code";
import { gatewayModels } from "@/lib/gateway/model-ids";
import { registerProvider } from "@/lib/providers";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";
import { acmeAdapter } from "./adapter";
import { acme } from "./catalog";

// "Adding a provider = one catalog file + one adapter file": this folder holds
// exactly those two, registered at run time, and a run goes through them
// against the fake OpenAI-compatible upstream.

let harness: Awaited<ReturnType<typeof startFakeProviders>>;

beforeAll(async () => {
  harness = await startFakeProviders();
  registerProvider({ catalog: acme, adapter: acmeAdapter });
  invalidateCatalog();
});
afterAll(() => harness.close());

describe("a provider added with one catalog file and one adapter file", () => {
  it("is the folder's only two source files besides this test", () => {
    const files = fs.readdirSync(import.meta.dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(files.sort()).toEqual(["adapter.ts", "catalog.ts"]);
  });

  it("is in the catalog, configured only once its key is set", async () => {
    delete process.env.ACME_API_KEY;
    expect((await getPublicCatalog()).providers.find((p) => p.id === "acme")).toMatchObject({ name: "Acme Inference", configured: false });
    process.env.ACME_API_KEY = "acme-secret-key-0000000000";
    const catalog = await getPublicCatalog();
    expect(catalog.providers.find((p) => p.id === "acme")?.configured).toBe(true);
    expect(catalog.offerings.find((o) => o.provider === "acme")?.providerModelId).toBe("acme/qwen3.5-flash");
    expect((await gatewayModels(await getCatalog())).map((m) => m.id)).toContain("acme/acme/qwen3.5-flash");
  });

  it("runs: its parameters reach the upstream under their wire names, and the run is measured and priced", async () => {
    process.env.ACME_API_KEY = "acme-secret-key-0000000000";
    process.env.ACME_BASE_URL = `${harness.url}/openai-compatible/v1`;
    const run = await runThrough(harness.fake, { provider: "acme", model: "acme/qwen3.5-flash", text: "Hi", params: { temperature: 0.2, priority: "high" } });
    const [request] = run.requests;
    expect(request!.headers.authorization).toBe("Bearer acme-secret-key-0000000000");
    expect(request!.body).toMatchObject({ model: "acme/qwen3.5-flash", temperature: 0.2, acmePriority: "high" });
    expect(request!.body.priority).toBeUndefined();
    expect(run.record).toMatchObject({ status: "done", provider: "acme", output: { text: "Hello from the fake upstream." }, finishReason: "stop" });
    // The fake reports 21 prompt tokens and 5 answer tokens: 21 x $1 + 5 x $2 per million.
    expect(run.record.usage).toMatchObject({ inputTokens: 21, outputTokens: 5 });
    expect(run.record.costUsd).toBeCloseTo(0.000031, 12);
  });

  it("an upstream refusal is worded by its adapter", async () => {
    process.env.ACME_BASE_URL = `${harness.url}/openai-compatible/v1`;
    const run = await runThrough(harness.fake, { provider: "acme", model: "acme/qwen3.5-flash", text: "Hi [[status:402]]" });
    expect(run.record.error).toMatchObject({ code: "upstream_402" });
    expect(run.record.error?.message).toContain("Acme Inference: the Acme balance is empty (HTTP 402)");
  });

  it("view code writes its request against its public endpoint", async () => {
    const catalog = await getCatalog();
    const code = generateCode({
      ...codeRequestFor(findProvider(catalog, "acme")!, findOffering(catalog, "acme", "acme/qwen3.5-flash")!, { priority: "high" }, [{ role: "user", parts: [{ type: "text", text: "Hi" }] }]),
      baseUrl: "https://api.acme.example/v1",
    });
    expect(code.curl).toContain("curl https://api.acme.example/v1/chat/completions");
    expect(code.curl).toContain("$ACME_API_KEY");
    expect(code.curl).toContain('"acmePriority": "high"');
  });
});
