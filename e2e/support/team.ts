import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./app-server";

export const OWNER = { email: "owner@example.com", password: "owner-password-1", name: "Olga Owner" };

/** The real server in AUTH_MODE=password with an init owner (unless `withOwner` is false). */
export async function startTeamServer(env: Record<string, string> = {}, withOwner = true): Promise<AppServer> {
  const server = new AppServer(await freePort(), tempDataDir(), {
    AUTH_MODE: "password",
    ...(withOwner ? { PLAYGROUND_INIT_OWNER_EMAIL: OWNER.email, PLAYGROUND_INIT_OWNER_PASSWORD: OWNER.password } : {}),
    ...env,
  });
  await server.start();
  return server;
}

/** An HTTP client with its own cookie jar that sends this site's Origin, as the app's pages do. */
export async function client(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

export async function signedIn(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const api = await client(baseURL);
  const response = await api.post("/api/auth/sign-in/email", { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
  return api;
}

/** Invite someone with a role (as `admin`), accept it, and return them signed in. */
export async function invited(baseURL: string, admin: APIRequestContext, role: string, email: string, password = "password-123"): Promise<{ api: APIRequestContext; id: string }> {
  const invite = await admin.post("/api/admin/invites", { data: { role } });
  if (invite.status() !== 201) throw new Error(`invite failed: ${invite.status()} ${await invite.text()}`);
  const { token } = await invite.json();
  const anon = await client(baseURL);
  const accepted = await anon.post(`/api/invites/${token}/accept`, { data: { name: email.split("@")[0], email, password } });
  if (accepted.status() !== 201) throw new Error(`accept failed: ${accepted.status()} ${await accepted.text()}`);
  const { user } = await accepted.json();
  await anon.dispose();
  return { api: await signedIn(baseURL, email, password), id: user.id };
}

/** Starts a simulator run and waits until it is recorded as finished; returns its id. */
export async function simulatorRun(api: APIRequestContext, text: string): Promise<string> {
  const response = await api.post("/api/runs", {
    data: { provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 0, sim_tokens_per_second: 5000 }, messages: [{ role: "user", parts: [{ type: "text", text }] }] },
  });
  if (!response.ok()) throw new Error(`run failed: ${response.status()} ${await response.text()}`);
  const id = response.headers()["x-run-id"]!;
  await response.body();
  for (let i = 0; i < 100; i++) {
    const record = await (await api.get(`/api/runs/${id}`)).json();
    if (record.status !== "streaming") return id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("run never finished");
}
