import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { body, METHODS } from "./fuzz/arbitraries";
import { ROUTES, type ErrorShape } from "./fuzz/routes";

// Bad input never gets a 5xx: every route in app/api and every page, hit with
// wrong types, missing and extra fields, prototype keys, huge strings, deep
// nesting, odd unicode and encodings, and wrong methods. A fixed seed here;
// `npm run fuzz` runs 100,000 cases (FUZZ_CASES, FUZZ_SEED to vary).

const CASES = Number(process.env.FUZZ_CASES ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const root = path.resolve(import.meta.dirname, "..");

/** Route files and pages under app/, keyed as ROUTES keys them. */
function discoverRoutes(dir = path.join(root, "app"), rel = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const next = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...discoverRoutes(path.join(dir, entry.name), next));
    else if (entry.name === "route.ts") out.push(rel);
    else if (entry.name === "page.tsx") out.push(`page:${rel}`);
  }
  return out;
}

test("every route and page has a fuzz generator", () => {
  const routes = discoverRoutes().sort();
  expect(routes.filter((r) => !ROUTES[r]), "routes without a generator in e2e/fuzz/routes.ts").toEqual([]);
  expect(Object.keys(ROUTES).filter((r) => !routes.includes(r)), "generators for routes that no longer exist").toEqual([]);
});

function errorBodyProblem(shape: ErrorShape, status: number, contentType: string, text: string): string | null {
  if (/\n\s+at .+:\d+:\d+/.test(text) || text.includes("node_modules")) return "a stack trace or file path in the body";
  if (shape === "any" || status === 405 || status < 400) return null;
  let json: { error?: { code?: unknown; message?: unknown } };
  try {
    json = JSON.parse(text);
  } catch {
    return `a ${status} without a JSON body (${contentType})`;
  }
  if (typeof json.error?.message !== "string") return "no error.message";
  if (shape === "app" && typeof json.error.code !== "string") return "no error.code";
  return null;
}

async function countRuns(app: AppServer): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page = (await (await fetch(`${app.url}/api/runs?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json()) as { runs: unknown[]; nextCursor: string | null };
    total += page.runs.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

test("fuzzing every route: no 5xx, JSON errors, nothing recorded for a refused request, the server stays healthy", async () => {
  test.setTimeout(Math.max(120_000, CASES * 40));
  // Providers point at a closed port: nothing leaves the machine, and anything that tries fails fast.
  const closed = "http://127.0.0.1:9/v1";
  const app = new AppServer(await freePort(), tempDataDir(), {
    OPENROUTER_BASE_URL: closed,
    AI_GATEWAY_BASE_URL: closed,
    EMPIRIOLABS_BASE_URL: closed,
    DASHSCOPE_BASE_URL: closed,
    SEGMIND_BASE_URL: closed,
    OPENAI_COMPATIBLE_BASE_URL: closed,
  });
  await app.start();
  try {
    const key = ((await (await fetch(`${app.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "fuzz" }) })).json()) as { key: string }).key;
    const runsBefore = await countRuns(app);
    let runsAccepted = 0;
    const statuses = new Map<number, number>();

    const request = fc
      .constantFrom(...Object.keys(ROUTES))
      .chain((name) =>
        fc.record({
          name: fc.constant(name),
          url: ROUTES[name]!.url,
          method: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("GET", "POST") }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
          body: body(ROUTES[name]!.body),
          auth: fc.boolean(),
          contentType: fc.constantFrom("application/json", "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""),
        }),
      );

    const started = performance.now();
    let failure: string | null = null;
    const details = await fc.check(
      fc.asyncProperty(request, async (c) => {
        const headers: Record<string, string> = {};
        if (c.contentType) headers["content-type"] = c.contentType;
        if (c.auth) headers.authorization = `Bearer ${key}`;
        const hasBody = c.method !== "GET" && c.method !== "HEAD";
        const response = await fetch(`${app.url}${c.url}`, { method: c.method, headers, body: hasBody ? c.body : undefined, redirect: "manual" });
        const text = c.method === "HEAD" ? "" : await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // A URL's dot segments (also "%2e%2e") are resolved before sending: such a request may leave /api.
        const shape = new URL(c.url, app.url).pathname.startsWith("/api/") ? ROUTES[c.name]!.errors : "any";
        const problem = response.status >= 500 ? "a server error" : c.method === "HEAD" ? null : errorBodyProblem(shape, response.status, response.headers.get("content-type") ?? "", text);
        if (problem) {
          failure = `${c.method} ${c.url.slice(0, 200)} (content-type ${c.contentType || "none"}) -> ${response.status}: ${problem}\nresponse: ${text.slice(0, 400)}\nbody (${c.body.length} chars): ${c.body.slice(0, 400)}`;
          return false;
        }
        const createsRun = c.method === "POST" && (c.name === "api/runs" || c.name === "api/v1/chat/completions");
        if (createsRun && response.ok) runsAccepted++;
        if (c.name === "api/import" && c.method === "POST" && response.ok) runsAccepted += (JSON.parse(text) as { imported?: number }).imported ?? 0;
        return true;
      }),
      { numRuns: CASES, seed: SEED, endOnFailure: true },
    );
    expect(failure, `failed after ${details.numRuns} cases (seed ${SEED})`).toBeNull();
    expect(details.failed).toBe(false);
    const seconds = (performance.now() - started) / 1000;
    console.log(`[fuzz] ${CASES} cases in ${seconds.toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);

    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    // Streams of accepted runs settle in the background: wait for their rows, then count.
    await expect.poll(async () => (await countRuns(app)) - runsBefore, { timeout: 30_000 }).toBe(runsAccepted);
    expect(app.serverErrors()).toEqual([]);
  } finally {
    await app.stop();
  }
});
