import "server-only";
import { randomUUID } from "node:crypto";
import { markInterruptedRuns, renewLeases } from "@/db/queries";
import { liveRunIds } from "./shutdown";

// Each server process is one instance. Its streaming runs carry its id; every
// 2 s it renews the leases of all the runs it is streaming in one statement and
// closes runs whose leases ran out (their instance died). It never closes a run
// it is itself streaming: a busy event loop can delay a renewal, but it cannot
// make a live run dead. A run of its own whose final write failed is no longer
// live, so it is closed like any other, never left streaming.

const holder = globalThis as unknown as { playgroundInstanceId?: string };

/** This process's id; on globalThis because Next loads the route bundles and the startup hook as separate module instances. */
export function instanceId(): string {
  holder.playgroundInstanceId ??= randomUUID();
  return holder.playgroundInstanceId;
}

/** One tick: renew this instance's leases, then close runs whose instance stopped renewing theirs. Returns how many were closed. */
export async function leaseTick(now = Date.now()): Promise<number> {
  const live = liveRunIds();
  await renewLeases(live, undefined, now);
  return markInterruptedRuns(undefined, now, live);
}

/** Every instance ticks every 2 s, so a run whose instance died is closed by another within about 8 s. */
export function keepLeases(): void {
  const tick = async () => {
    const closed = await leaseTick().catch(() => 0);
    if (closed > 0) console.log(`[runs] marked ${closed} run(s) whose instance stopped as interrupted`);
  };
  void tick();
  setInterval(() => void tick(), 2000).unref();
}
