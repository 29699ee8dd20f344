// What the benchmarks share: the app under test (`next start` on the last
// build) and the fake upstream, each in its own process, and readings of a
// process's CPU time and memory from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export function requireBuild(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
}

/** The fake upstream in its own process, so it never shares an event loop with the client or the app. */
export async function startUpstream(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "bench/fake-upstream.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", () => reject(new Error("fake upstream exited")));
  });
  return { url, child };
}

/** `next start` on a free-ish port with the given environment, once /api/health answers. */
export async function startApp(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = 3700 + Math.floor(Math.random() * 290);
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("app did not start (run `npm run build` first)");
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** CPU seconds the process has used so far (user + system), from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A memory figure of the process in MB: VmRSS (now) or VmHWM (its peak). */
export function memoryMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const kb = Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  return Math.round(kb / 1024);
}
