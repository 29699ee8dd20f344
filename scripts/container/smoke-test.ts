// Container smoke test (npm run test:container): builds the real Dockerfile
// with podman, runs it with a named volume and a read-only root filesystem,
// and checks what a team relies on after `docker compose up -d`:
// healthy, init owner signs in, a simulator run with an image upload, both
// still there after a restart, SIGTERM mid-stream ends the run `interrupted` or
// `done` (never `streaming`) with exit code 0, and the process is not root.
// Also runs the standalone server from the image with plain `node server.js`.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const image = process.env.CONTAINER_IMAGE ?? "localhost/llm-playground:smoke";
const base = process.env.CONTAINER_BASE_IMAGE; // a local stand-in for node:24-slim (CI); unset = the pinned digest
const name = `playground-smoke-${process.pid}`;
const volume = `${name}-data`;
const owner = { email: "owner@example.com", password: "smoke-test-password" };

function podman(args: string[], options: { allowFail?: boolean; quiet?: boolean } = {}): string {
  const result = spawnSync("podman", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && !options.allowFail) throw new Error(`podman ${args.slice(0, 3).join(" ")} failed (${result.status}):\n${result.stderr}`);
  return (result.stdout ?? "").trim();
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`FAILED: ${message}`);
  console.log(`  ok  ${message}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}\n${podman(["logs", name], { allowFail: true })}`);
}

function runContainer(port: number): void {
  podman([
    "run", "-d", "--name", name,
    "--read-only", "--tmpfs", "/tmp",
    "-v", `${volume}:/data`,
    "-p", `127.0.0.1:${port}:3000`,
    "-e", `PLAYGROUND_INIT_OWNER_EMAIL=${owner.email}`,
    "-e", `PLAYGROUND_INIT_OWNER_PASSWORD=${owner.password}`,
    "-e", `PUBLIC_URL=http://127.0.0.1:${port}`,
    "-e", "SHUTDOWN_GRACE_S=3",
    "--health-interval", "2s",
    image,
  ]);
}

async function waitHealthy(): Promise<void> {
  await waitFor("the container to be healthy", async () => {
    // podman runs the HEALTHCHECK command on demand; exit 0 = healthy.
    const result = spawnSync("podman", ["healthcheck", "run", name], { encoding: "utf8" });
    return result.status === 0 ? true : undefined;
  });
}

class Session {
  cookie = "";
  constructor(readonly url: string) {}
  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.url);
    if (this.cookie) headers.set("cookie", this.cookie);
    return fetch(`${this.url}${pathname}`, { ...init, headers });
  }
  async signIn(): Promise<void> {
    const response = await this.fetch("/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(owner) });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    this.cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  }
  startRun(text: string, params: Record<string, unknown>, extraParts: unknown[] = []): Promise<Response> {
    return this.fetch("/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params, messages: [{ role: "user", parts: [{ type: "text", text }, ...extraParts] }] }),
    });
  }
  async run(id: string): Promise<{ status: string; output: { text: string } }> {
    return (await this.fetch(`/api/runs/${id}`)).json();
  }
}

async function main(): Promise<void> {
  // Docker format: the OCI format has no HEALTHCHECK.
  const buildArgs = ["build", "--format", "docker", "--network", "host", "-t", image, ...(base ? ["--build-arg", `NODE_IMAGE=${base}`] : []), root];
  console.log(`building ${image}${base ? ` FROM ${base}` : ""} …`);
  const started = Date.now();
  execFileSync("podman", buildArgs, { stdio: ["ignore", "ignore", "inherit"] });
  const bytes = Number(podman(["image", "inspect", image, "--format", "{{.Size}}"]));
  console.log(`built in ${Math.round((Date.now() - started) / 1000)} s; image size ${(bytes / 1e6).toFixed(0)} MB`);

  podman(["rm", "-f", name], { allowFail: true });
  podman(["volume", "rm", "-f", volume], { allowFail: true });
  podman(["volume", "create", volume]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  try {
    runContainer(port);
    await waitHealthy();
    check(true, "healthy (HEALTHCHECK with node -e fetch)");
    const user = podman(["exec", name, "id", "-u"]);
    check(user !== "0", `runs as a non-root user (uid ${user})`);
    check(podman(["inspect", name, "--format", "{{.HostConfig.ReadonlyRootfs}}"]) === "true", "root filesystem is read-only");

    const session = new Session(url);
    await session.signIn();
    check(session.cookie.length > 0, "the init owner signs in");
    const png = fs.readFileSync(path.join(root, "e2e/fixtures/sample.png"));
    const form = new FormData();
    form.append("file", new Blob([png], { type: "image/png" }), "sample.png");
    const upload = (await (await session.fetch("/api/uploads", { method: "POST", body: form })).json()) as { id: string };
    check(/^[0-9a-f]{64}$/.test(upload.id), "an image upload is stored");
    const response = await session.startRun("Describe the picture", { sim_ttft_ms: 0, sim_tokens_per_second: 5000 }, [{ type: "file", mediaType: "image/png", url: `/api/uploads/${upload.id}` }]);
    const runId = response.headers.get("x-run-id")!;
    await response.text();
    const done = await waitFor("the run to finish", async () => ((await session.run(runId)).status === "done" ? session.run(runId) : undefined));
    check(done.output.text.length > 0, "a simulator run with the image finishes done");

    podman(["restart", "--time", "30", name]);
    await waitHealthy();
    await session.signIn();
    check((await session.run(runId)).status === "done", "the run is still there after a restart");
    const served = await session.fetch(`/api/uploads/${upload.id}`);
    check(served.ok && Buffer.from(await served.arrayBuffer()).equals(png), "the upload is still there after a restart");

    const long = await session.startRun("write 3000 words", { sim_ttft_ms: 0, sim_tokens_per_second: 30 });
    const longId = long.headers.get("x-run-id")!;
    const reader = long.body!.getReader();
    await reader.read();
    await sleep(1000);
    podman(["kill", "--signal", "SIGTERM", name]);
    const exitCode = await waitFor("the container to exit after SIGTERM", async () => {
      const state = podman(["inspect", name, "--format", "{{.State.Status}} {{.State.ExitCode}}"]);
      return state.startsWith("exited") ? Number(state.split(" ")[1]) : undefined;
    });
    check(exitCode === 0, "SIGTERM: the server drains and exits 0");
    await reader.cancel().catch(() => undefined);
    podman(["start", name]);
    await waitHealthy();
    await session.signIn();
    const after = await session.run(longId);
    check(after.status === "interrupted" || after.status === "done", `the run streaming at SIGTERM ended ${after.status}, not streaming`);
    check(after.output.text.length > 0, "its text so far was kept");
    podman(["rm", "-f", name]);

    // The same standalone server, started as a plain `node server.js` with its own data folder.
    const plainPort = await freePort();
    podman(["run", "-d", "--name", name, "--read-only", "--tmpfs", "/tmp", "-v", `${volume}-plain:/data`, "-p", `127.0.0.1:${plainPort}:3000`, "--entrypoint", "node", image, "server.js"]);
    const health = await waitFor("plain node server.js", async () => {
      const r = await fetch(`http://127.0.0.1:${plainPort}/api/health`);
      return r.ok ? r.json() : undefined;
    });
    check((health as { ok: boolean }).ok, "node .next/standalone/server.js serves /api/health");
    podman(["rm", "-f", name]);

    // WITH_FFMPEG=false: smaller, and a video upload is refused with the reason.
    const slim = `${image}-no-ffmpeg`;
    execFileSync("podman", ["build", "--format", "docker", "--network", "host", "-t", slim, "--build-arg", "WITH_FFMPEG=false", ...(base ? ["--build-arg", `NODE_IMAGE=${base}`] : []), root], { stdio: ["ignore", "ignore", "inherit"] });
    const slimBytes = Number(podman(["image", "inspect", slim, "--format", "{{.Size}}"]));
    console.log(`  image size without ffmpeg: ${(slimBytes / 1e6).toFixed(0)} MB (${((bytes - slimBytes) / 1e6).toFixed(0)} MB less)`);
    const slimPort = await freePort();
    podman(["run", "-d", "--name", name, "--read-only", "--tmpfs", "/tmp", "-v", `${volume}-slim:/data`, "-p", `127.0.0.1:${slimPort}:3000`, "-e", `PLAYGROUND_INIT_OWNER_EMAIL=${owner.email}`, "-e", `PLAYGROUND_INIT_OWNER_PASSWORD=${owner.password}`, "-e", `PUBLIC_URL=http://127.0.0.1:${slimPort}`, slim]);
    await waitHealthy();
    const slimSession = new Session(`http://127.0.0.1:${slimPort}`);
    await slimSession.signIn();
    const video = new FormData();
    video.append("file", new Blob([fs.readFileSync(path.join(root, "e2e/fixtures/sample.mp4"))], { type: "video/mp4" }), "sample.mp4");
    const refused = await slimSession.fetch("/api/uploads", { method: "POST", body: video });
    const refusal = (await refused.json()) as { error?: { code: string; message: string } };
    check(refused.status === 415 && refusal.error?.code === "video_unsupported", `without ffmpeg a video upload is refused: ${refusal.error?.message}`);
  } finally {
    podman(["rm", "-f", `${name}`], { allowFail: true });
    podman(["rm", "-f", name], { allowFail: true });
    for (const v of [volume, `${volume}-plain`, `${volume}-slim`]) podman(["volume", "rm", "-f", v], { allowFail: true });
  }
  console.log("container smoke test passed");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
