import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

// The OS may hand the same free port to two calls in a row; never give one out twice.
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await askOsForPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function askOsForPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "playground-e2e-"));
}

/** `next start` of the built app on its own port and data directory: the real server, a real SQLite file. */
export class AppServer {
  private child: ChildProcess | null = null;
  private log = "";

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
    /** For stories that break the server on purpose (a missing database, a killed process). */
    private readonly allowServerErrors = false,
  ) {}

  /** The server process's id while it runs (to read its memory from /proc). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits until /api/health answers as `ready` expects (by default: 200). */
  async start(ready: (health: Response) => boolean = (health) => health.ok): Promise<void> {
    this.child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(this.port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(this.port), DATA_DIR: this.dataDir, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout?.on("data", (d) => (this.log += d));
    this.child.stderr?.on("data", (d) => (this.log += d));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited early:\n${this.log}`);
      const ok = await fetch(`${this.url}/api/health`)
        .then(ready)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not become healthy:\n${this.log}`);
  }

  /** Signals the server and waits for it to exit; returns its exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", (exitCode) => resolve(exitCode));
      child.kill(signal);
    });
    this.child = null;
    const errors = this.serverErrors();
    if (errors.length && !this.allowServerErrors) throw new Error(`the server logged ${errors.length} server error(s) or unhandled rejection(s):\n${errors.slice(0, 10).join("\n")}`);
    return code;
  }

  /** Lines of the server's log that mean a 5xx or an unhandled rejection: Next's "⨯" errors, our "[500]" lines, Node's own. */
  serverErrors(): string[] {
    return this.log.split("\n").filter((line) => /⨯|\[500\]|unhandledRejection|uncaughtException|Unhandled Rejection/i.test(line)).map((line) => line.slice(0, 300));
  }

  /** Sends a signal without waiting. */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  output(): string {
    return this.log;
  }
}
