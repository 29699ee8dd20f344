import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import http from "node:http";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { invited, OWNER, signedIn, startTeamServer } from "./support/team";
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

/** Providers point at a closed port: nothing leaves the machine, and anything that tries fails fast. */
const CLOSED = "http://127.0.0.1:9/v1";
const CLOSED_PROVIDERS = { OPENROUTER_BASE_URL: CLOSED, AI_GATEWAY_BASE_URL: CLOSED, EMPIRIOLABS_BASE_URL: CLOSED, DASHSCOPE_BASE_URL: CLOSED, SEGMIND_BASE_URL: CLOSED, OPENAI_COMPATIBLE_BASE_URL: CLOSED };

type FuzzResult = { runsAccepted: number; statuses: Map<number, number> };

/** `cases` requests across every route, as whoever `headers` says (plus a Bearer key on half of them, when given). */
async function fuzzRoutes(app: AppServer, cases: number, seed: number, who: { headers: Record<string, string>; key?: string }): Promise<FuzzResult> {
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
  let failure: string | null = null;
  const details = await fc.check(
    fc.asyncProperty(request, async (c) => {
      const headers: Record<string, string> = { ...who.headers };
      if (c.contentType) headers["content-type"] = c.contentType;
      if (c.auth && who.key) headers.authorization = `Bearer ${who.key}`;
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
      if (c.name === "api/import" && c.method === "POST" && response.ok) runsAccepted += (JSON.parse(text) as { runsImported?: number }).runsImported ?? 0;
      return true;
    }),
    { numRuns: cases, seed, endOnFailure: true },
  );
  expect(failure, `failed after ${details.numRuns} cases (seed ${seed})`).toBeNull();
  expect(details.failed, `${details.errorInstance ?? ""} (counterexample ${JSON.stringify(details.counterexample)?.slice(0, 600)})`).toBe(false);
  return { runsAccepted, statuses };
}

const describeStatuses = (statuses: Map<number, number>) => JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])));

test("fuzzing every route: no 5xx, JSON errors, nothing recorded for a refused request, no money moved, the server stays healthy", async () => {
  test.setTimeout(Math.max(120_000, CASES * 40));
  const app = new AppServer(await freePort(), tempDataDir(), CLOSED_PROVIDERS);
  await app.start();
  try {
    const key = ((await (await fetch(`${app.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "fuzz" }) })).json()) as { key: string }).key;
    // A cap on the owner: nothing the fuzzer sends (hostile bundles included) may move its spend off $0.
    const me = (await (await fetch(`${app.url}/api/me`)).json()).user as { id: string };
    await fetch(`${app.url}/api/admin/users/${me.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ monthlyBudgetUsd: 1 }) });
    const runsBefore = await countRuns(app);
    const started = performance.now();
    const { runsAccepted, statuses } = await fuzzRoutes(app, CASES, SEED, { headers: {}, key });
    console.log(`[fuzz] ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); statuses ${describeStatuses(statuses)}`);

    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    // Streams of accepted runs settle in the background: wait for their rows, then count.
    await expect.poll(async () => (await countRuns(app)) - runsBefore, { timeout: 30_000 }).toBe(runsAccepted);
    // Failed provider calls cost $0, the simulator and imports are not spend: the cap is untouched.
    const budgets = (await (await fetch(`${app.url}/api/me`)).json()).budgets as { capUsd: number; spentUsd: number; reservedUsd: number }[];
    expect(budgets.find((b) => b.capUsd === 1)).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
    const costs = (await (await fetch(`${app.url}/api/costs?from=1970-01-01&to=2100-01-01`)).json()).rows as { costUsd: number | null }[];
    for (const row of costs) if (row.costUsd !== null) expect(Number.isFinite(row.costUsd) && row.costUsd >= 0).toBe(true);
    expect(app.serverErrors()).toEqual([]);
  } finally {
    await app.stop();
  }
});

test("fuzzing every route signed in as a member and as a viewer: no 5xx, JSON errors, the server stays healthy", async () => {
  test.setTimeout(Math.max(120_000, CASES * 40));
  const app = await startTeamServer(CLOSED_PROVIDERS);
  try {
    const owner = await signedIn(app.url, OWNER.email, OWNER.password);
    for (const [role, cases] of [["member", Math.ceil(CASES / 5)], ["viewer", Math.ceil(CASES / 5)]] as const) {
      const person = await invited(app.url, owner, role, `fuzz-${role}@example.com`);
      const cookie = (await person.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const started = performance.now();
      const { statuses } = await fuzzRoutes(app, cases, SEED + (role === "member" ? 1 : 2), { headers: { cookie, origin: app.url } }).catch((error) => {
        throw new Error(`${error}\nserver log:\n${app.output().slice(-3000)}`);
      });
      console.log(`[fuzz] as ${role}: ${cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s; statuses ${describeStatuses(statuses)}`);
      // Served afterwards (the fuzzer may have signed this person out through /api/auth/sign-out: signing in again works).
      const again = await signedIn(app.url, `fuzz-${role}@example.com`, "password-123");
      expect((await again.get("/api/me")).status()).toBe(200);
    }
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(app.serverErrors()).toEqual([]);
  } finally {
    await app.stop();
  }
});

test("odd Host headers and TRACE on every route: a 4xx with a JSON body from the API, never a 5xx", async () => {
  const app = new AppServer(await freePort(), tempDataDir(), CLOSED_PROVIDERS);
  await app.start();
  try {
    const port = new URL(app.url).port;
    const hosts = ["", "evil example", "a:b:c", "[::1", `${"x".repeat(300)}.example`, "rebind.evil.example", `localhost:${port}`, "localhost:99999", "127.0.0.1:0", "%00"];
    const urls = Object.values(ROUTES).map((r) => fc.sample(r.url, { numRuns: 1, seed: SEED })[0]!);
    const statuses = new Map<number, number>();
    for (const url of urls) {
      for (const host of hosts) {
        for (const method of ["TRACE", "GET", "POST"]) {
          const { status, text } = await rawRequest(app.url, url, method, host);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const what = `${method} ${url.slice(0, 120)} Host ${JSON.stringify(host.slice(0, 40))} -> ${status}: ${text.slice(0, 200)}`;
          expect(status, what).toBeLessThan(500);
          if (method === "TRACE") expect(status, what).toBe(405);
          expect(text, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
        }
      }
    }
    console.log(`[fuzz] odd hosts and TRACE: statuses ${describeStatuses(statuses)}`);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(app.serverErrors()).toEqual([]);
  } finally {
    await app.stop();
  }
});

/** One request with a Host and a method fetch cannot send. */
function rawRequest(base: string, url: string, method: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(base);
    const req = http.request({ host: target.hostname, port: target.port, path: url.startsWith("/") ? url : `/${url}`, method, headers: { host, "content-type": "application/json" }, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}
