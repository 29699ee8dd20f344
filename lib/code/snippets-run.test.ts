import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOffering, findProvider, loadCatalog } from "@/lib/catalog";
import { runThrough, startFakeProviders, uploadFixture } from "@/test/support/provider-contract";
import { codeRequestFor } from "./code-request";
import { generateCode } from "./generate-code";

// "View code" runs unchanged: each generated snippet (curl, TypeScript via
// tsx) is executed against the fake upstreams, and the request the fake
// receives is the request the proxy sent for the same run.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let harness: Awaited<ReturnType<typeof startFakeProviders>>;
let dir: string;
/** The Python snippet runs where python3 has the openai package (it cannot be installed on machines without PyPI). */
let pythonOpenAi = false;

beforeAll(async () => {
  harness = await startFakeProviders();
  dir = fs.mkdtempSync(path.join(root, "e2e", ".generated-"));
  pythonOpenAi = await run("python3", ["-c", "import openai"]).then(
    () => true,
    () => false,
  );
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await harness.close();
});

const tools = [{ type: "function", function: { name: "get_weather", description: "Weather in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];

type UiHistory = { role: string; parts: ({ type: string } & Record<string, unknown>)[] }[];
type Case = { provider: "empiriolabs" | "openrouter" | "dashscope"; model: string; params: Record<string, unknown>; withImage?: boolean; withVideo?: boolean; history?: UiHistory; label?: string };
// An earlier turn with reasoning: the proxy sends it back as reasoning_content, and so must the code.
const history: UiHistory = [
  { role: "user", parts: [{ type: "text", text: "First question" }] },
  { role: "assistant", parts: [{ type: "reasoning", text: "Thinking it over." }, { type: "text", text: "First answer." }] },
];
// An answer that called a tool, the result the user typed, and the text that followed: as the playground holds it.
const toolHistory: UiHistory = [
  { role: "user", parts: [{ type: "text", text: "Weather in Porto?" }] },
  {
    role: "assistant",
    parts: [
      { type: "step-start" },
      { type: "tool-get_weather", toolCallId: "call_1", state: "output-available", input: { city: "Porto" }, output: { temperature: 19, sky: "clear" } },
      { type: "step-start" },
      { type: "text", text: "It is 19 degrees and clear in Porto." },
    ],
  },
  { role: "user", parts: [{ type: "text", text: "And a pending one?" }] },
  { role: "assistant", parts: [{ type: "step-start" }, { type: "tool-get_weather", toolCallId: "call_2", state: "output-available", input: { city: "Faro" }, output: "sunny, 24C" }] },
];
const cases: Case[] = [
  { provider: "empiriolabs", model: "qwen3-5-flash", params: { temperature: 0.3, max_tokens: 64, enable_thinking: false }, withImage: true },
  { provider: "openrouter", model: "qwen/qwen3.5-flash-02-23", params: { temperature: 0.2, reasoning: { effort: "low" }, tools, tool_choice: "auto" } },
  { provider: "dashscope", model: "qwen3.5-flash", params: { enable_thinking: false, max_tokens: 32 } },
  { provider: "dashscope", model: "qwen3.5-flash", params: { max_tokens: 32 }, withVideo: true },
  { provider: "empiriolabs", model: "qwen3-5-flash", params: { max_tokens: 32 }, history, label: "after an answer with reasoning" },
  { provider: "openrouter", model: "qwen/qwen3.5-flash-02-23", params: { tools, max_tokens: 32 }, history: toolHistory, label: "after tool calls and their results" },
];

function posts(provider: string) {
  return harness.fake.requests.filter((r) => r.provider === provider && r.method === "POST");
}

async function lastBody(provider: string): Promise<Record<string, unknown>> {
  const requests = posts(provider);
  return requests[requests.length - 1]!.body;
}

/** Runs a snippet and returns the one request it made to the fake. */
async function bodyOf(provider: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const before = posts(provider).length;
  await run(command, args, { cwd: dir, env });
  expect(posts(provider).length, `${command} made one request`).toBe(before + 1);
  return lastBody(provider);
}

describe("generated code sends what the proxy sends", () => {
  for (const c of cases) {
    it(`${c.provider}${c.withImage ? " with an image" : c.withVideo ? " with a video" : c.label ? ` ${c.label}` : ""}: curl and TypeScript`, async () => {
      const fixture = c.withImage ? "sample.png" : c.withVideo ? "sample.mp4" : null;
      const image = fixture ? await uploadFixture(fixture) : null;
      const text = `What is the weather in Lisbon, says ${c.provider}`;
      const proxied = await runThrough(harness.fake, { provider: c.provider, model: c.model, text, system: "Be brief.", params: c.params, files: image ? [image] : [], history: c.history ?? [] });
      const proxyBody = await lastBody(c.provider);
      if (c.history === toolHistory) {
        expect(proxyBody.messages).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ role: "assistant", tool_calls: [expect.objectContaining({ id: "call_1", function: { name: "get_weather", arguments: '{"city":"Porto"}' } })] }),
            { role: "tool", tool_call_id: "call_1", content: '{"temperature":19,"sky":"clear"}' },
            { role: "tool", tool_call_id: "call_2", content: "sunny, 24C" },
          ]),
        );
      }
      expect(proxied.requests.length).toBeGreaterThan(0);

      const catalog = loadCatalog();
      const provider = findProvider(catalog, c.provider)!;
      const offering = findOffering(catalog, c.provider, c.model)!;
      const ui = [...(c.history ?? []), { role: "user", parts: [{ type: "text", text }, ...(image ? [{ type: "file", mediaType: image.mediaType, url: image.url, filename: fixture! }] : [])] }];
      const request = codeRequestFor(provider, offering, c.params, ui, "Be brief.");
      const code = generateCode({ ...request, baseUrl: harness.env[provider.baseUrlEnv!]! });
      if (fixture) fs.copyFileSync(path.join(root, "e2e/fixtures", fixture), path.join(dir, fixture));
      const env = { ...process.env, ...harness.env };

      const file = path.join(dir, `${c.provider}.mts`);
      fs.writeFileSync(file, code.typescript);
      expect(await bodyOf(c.provider, process.execPath, ["--import", "tsx", file], env), "TypeScript").toEqual(proxyBody);

      if (!image) {
        // curl carries attachments as placeholders; the rest of its body is the proxy's.
        expect(await bodyOf(c.provider, "bash", ["-c", code.curl], env), "curl").toEqual(proxyBody);
        if (pythonOpenAi) {
          fs.writeFileSync(path.join(dir, `${c.provider}.py`), code.python);
          expect(await bodyOf(c.provider, "python3", [path.join(dir, `${c.provider}.py`)], env), "Python").toEqual(proxyBody);
        }
      }
    });
  }
});
