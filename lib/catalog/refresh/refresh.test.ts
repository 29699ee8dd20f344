import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOffering, loadCatalog } from "../index";
import { getCatalog } from "../public-catalog";
import { startFakeProviders } from "@/test/support/provider-contract";
import { parseAiGatewayModels } from "./ai-gateway-models";
import { applyUpdate } from "./apply-update";
import { parseEmpirioLabsModel } from "./empiriolabs-model";
import { parseOpenRouterModels } from "./openrouter-models";
import { refreshCatalog } from "./refresh-catalog";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8")) as unknown;
const builtIn = loadCatalog();
const offering = (p: Parameters<typeof findOffering>[1], id: string) => findOffering(builtIn, p, id)!;
const source = { url: "https://example.test/models", checkedAt: "2026-11-23" };

describe("model-list parsers and the change list", () => {
  it("OpenRouter: USD-per-token strings become per-1M prices; supported_parameters add and remove controls", () => {
    const update = parseOpenRouterModels(fixture("openrouter-models.json"), "qwen/qwen3.5-flash-02-23")!;
    expect(update.pricing?.tiers).toEqual([{ upToInputTokens: null, inputPerMTok: 0.1, outputPerMTok: 0.4 }]);
    expect(update.limits).toEqual({ contextTokens: 1_000_000, maxOutputTokens: 65536 });
    const { offering: next, changes } = applyUpdate(offering("openrouter", "qwen/qwen3.5-flash-02-23"), update, source);
    expect(changes).toEqual([
      { field: "pricing.tiers[0].inputPerMTok", before: 0.065, after: 0.1 },
      { field: "pricing.tiers[0].outputPerMTok", before: 0.26, after: 0.4 },
      { field: "params.top_k", before: null, after: "added" },
    ]);
    expect(next.params.map((p) => p.name)).toContain("top_k");
    expect(next.pricing?.source).toMatchObject({ url: source.url, checkedAt: "2026-11-23" });
    expect(parseOpenRouterModels(fixture("openrouter-models.json"), "no/such-model")).toBeNull();
  });

  it("AI Gateway: identical data gives no change", () => {
    const update = parseAiGatewayModels(fixture("ai-gateway-models.json"), "alibaba/qwen3.5-flash")!;
    expect(update.pricing).toEqual({ tiers: [{ upToInputTokens: null, inputPerMTok: 0.1, outputPerMTok: 0.4 }], cachedInputPerMTok: 0, cacheWritePerMTok: 0.13 });
    expect(applyUpdate(offering("ai-gateway", "alibaba/qwen3.5-flash"), update, source).changes).toEqual([]);
  });

  it("EmpirioLabs: full parameter schema and pricing rows", () => {
    const current = offering("empiriolabs", "qwen3-5-flash");
    const update = parseEmpirioLabsModel(fixture("empiriolabs-qwen3-5-flash.json"), current.params)!;
    const { changes, offering: next } = applyUpdate(current, update, source);
    expect(changes).toEqual([
      { field: "limits.maxOutputTokens", before: 32768, after: 65536 },
      { field: "pricing.tiers[0].inputPerMTok", before: 0.09, after: 0.085 },
      { field: "params.max_tokens.max", before: 32768, after: 65536 },
    ]);
    // Per-call tool prices survive a refresh that does not mention them.
    expect(next.pricing?.toolCallPrices.web_search).toBe(0.015);
  });

  it("a flat listed price never replaces a tiered table", () => {
    const variant = offering("empiriolabs", "qwen3-5-flash:variant1");
    const { changes, offering: next } = applyUpdate(variant, { pricing: { tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 1 }] } }, source);
    expect(changes).toEqual([]);
    expect(next.pricing?.tiers).toHaveLength(3);
  });
});

describe("refreshCatalog against the fake providers", () => {
  let harness: Awaited<ReturnType<typeof startFakeProviders>>;
  beforeAll(async () => (harness = await startFakeProviders()));
  afterAll(() => harness.close());

  it("stores what changed, serves it from the catalog, and keeps built-in data for a provider it cannot reach", async () => {
    process.env.AI_GATEWAY_BASE_URL = "http://127.0.0.1:9/v1";
    const reports = await refreshCatalog(process.env, new Date("2026-11-23T10:00:00Z"));
    const byProvider = Object.fromEntries(reports.map((r) => [r.provider, r]));
    expect(byProvider.openrouter).toMatchObject({ ok: true, offerings: [{ providerModelId: "qwen/qwen3.5-flash-02-23", ok: true }] });
    expect(byProvider.openrouter!.offerings[0]!.changes).toHaveLength(3);
    // EmpirioLabs publishes a page per model: the one that answered is refreshed, the others keep built-in data.
    expect(byProvider.empiriolabs!.offerings.map((o) => [o.providerModelId, o.ok])).toEqual([
      ["qwen3-5-flash", true],
      ["qwen3-5-flash:variant1", false],
      ["qwen3-5-4b", false],
    ]);
    expect(byProvider.empiriolabs!.error).toMatch(/HTTP 404.*built-in data stays for them/);
    expect(byProvider["ai-gateway"]!.ok).toBe(false);
    expect(byProvider["ai-gateway"]!.error).toMatch(/^Vercel AI Gateway: could not refresh alibaba\/qwen3.5-flash/);

    const catalog = await getCatalog();
    const refreshed = findOffering(catalog, "openrouter", "qwen/qwen3.5-flash-02-23")!;
    expect(refreshed.pricing?.tiers[0]).toMatchObject({ inputPerMTok: 0.1, outputPerMTok: 0.4 });
    expect(refreshed.refreshed).toEqual({ at: "2026-11-23T10:00:00.000Z", url: `${harness.env.OPENROUTER_BASE_URL}/models` });
    expect(findOffering(catalog, "ai-gateway", "alibaba/qwen3.5-flash")!.refreshed).toBeUndefined();
    expect(findOffering(catalog, "empiriolabs", "qwen3-5-flash")!.pricing!.tiers[0]!.inputPerMTok).toBe(0.085);
    expect(findOffering(catalog, "empiriolabs", "qwen3-5-flash:variant1")!.refreshed).toBeUndefined();
  });
});
