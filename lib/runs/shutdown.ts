import "server-only";
import { AppError } from "@/lib/http/app-error";
import { readEnv } from "@/lib/env";

// Graceful shutdown. On SIGTERM the server stops admitting runs, lets the ones
// streaming finish for up to SHUTDOWN_GRACE_S, then ends the rest as
// `interrupted` (their text kept) and exits 0. Nothing is left `streaming`.

type InFlightRun = { interrupt: () => void; settle: () => Promise<unknown> };

const state = globalThis as unknown as { playgroundShutdown?: { draining: boolean; runs: Map<string, InFlightRun> } };
const shutdown = (state.playgroundShutdown ??= { draining: false, runs: new Map() });

export function isDraining(): boolean {
  return shutdown.draining;
}

/** Refuses a new run while the server is shutting down (the client may retry on another instance). */
export function refuseWhileDraining(): void {
  if (shutdown.draining) {
    throw new AppError("shutting_down", "This server is shutting down; try again in a few seconds.", undefined, { "retry-after": "5" });
  }
}

/** The runs this process is streaming right now (their rows not yet final). */
export function liveRunIds(): string[] {
  return [...shutdown.runs.keys()];
}

/** Tracks a streaming run until its row is final. */
export function trackRun(runId: string, run: InFlightRun, finished: Promise<unknown>): void {
  shutdown.runs.set(runId, run);
  void finished.finally(() => shutdown.runs.delete(runId));
}


async function waitForRuns(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (shutdown.runs.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** Drains and ends every run; returns how many finished on their own and how many were interrupted. */
async function drainRuns(grace = readEnv().shutdownGraceMs): Promise<{ finished: number; interrupted: number }> {
  shutdown.draining = true;
  const before = shutdown.runs.size;
  await waitForRuns(grace);
  const left = [...shutdown.runs.values()];
  for (const run of left) run.interrupt();
  await Promise.all(left.map((run) => run.settle().catch(() => undefined)));
  return { finished: before - left.length, interrupted: left.length };
}

/**
 * Takes SIGTERM and SIGINT over from Next's own handlers (which exit at once).
 * SIGTERM drains for the grace period; SIGINT (Ctrl-C) and a second signal interrupt at once.
 */
export function handleShutdownSignals(onExit: () => Promise<void>): void {
  let started = false;
  const stop = (signal: NodeJS.Signals) => {
    if (started) {
      // A second signal: interrupt whatever still streams now.
      void drainRuns(0);
      return;
    }
    started = true;
    const grace = signal === "SIGTERM" ? readEnv().shutdownGraceMs : 0;
    console.log(`[shutdown] ${signal}: no new runs; ${shutdown.runs.size} streaming run(s) get ${grace / 1000} s to finish`);
    void drainRuns(grace)
      .then(({ finished, interrupted }) => console.log(`[shutdown] ${finished} run(s) finished, ${interrupted} ended as interrupted`))
      .then(onExit)
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => stop(signal));
  }
}
