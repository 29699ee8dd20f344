import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Timing } from "../fake-upstream/fake-upstream";

const root = path.resolve(import.meta.dirname, "../..");

/** The fake provider upstreams (e2e/fake-upstream) in their own process on 127.0.0.1. */
export class FakeUpstreamProcess {
  private child: ChildProcess | null = null;
  url = "";

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "e2e/fake-upstream/serve.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
      child.once("exit", (code) => reject(new Error(`fake upstream exited with ${code}`)));
    });
  }

  async requests(provider: string): Promise<{ path: string; headers: Record<string, string>; body: Record<string, any> }[]> {
    return (await fetch(`${this.url}/__requests?provider=${provider}`)).json();
  }

  async configure(timings: Record<string, Timing>): Promise<void> {
    await fetch(`${this.url}/__config`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(timings) });
  }

  async reset(): Promise<void> {
    await fetch(`${this.url}/__reset`, { method: "POST" });
  }

  async stop(): Promise<void> {
    this.child?.kill();
    this.child = null;
  }
}
