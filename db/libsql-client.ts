import type { Client } from "@libsql/client";

// libSQL's local-file client runs each statement synchronously. With a busy
// timeout, a statement that meets another connection's write lock would spin
// inside SQLite and block the event loop, so the transaction holding the lock
// could never finish (every concurrent run would stall, then fail). Instead the
// busy timeout stays 0 and a refused statement is retried from a timer, which
// lets the lock holder commit in between.

const BUSY_WAIT_MS = 5000;

/** Locked by another connection, or (for VACUUM, which a backup runs) refused while a transaction is open: both clear once it commits. */
function isBusy(error: unknown): boolean {
  const e = error as { code?: string; rawCode?: number; message?: string; cause?: { code?: string } };
  return e?.code === "SQLITE_BUSY" || e?.rawCode === 5 || e?.cause?.code === "SQLITE_BUSY" || /SQL statements in progress/.test(e?.message ?? "");
}

async function retryWhileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * The client with every statement, batch and BEGIN retried while the file is
 * locked. Statements inside a transaction never wait: BEGIN IMMEDIATE already
 * holds the write lock.
 */
export function waitingWhenBusy(client: Client): Client {
  return new Proxy(client, {
    // The client keeps its state in private fields, so every member is read and called on the client itself.
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === "execute" || property === "batch" || property === "transaction" || property === "executeMultiple") {
        return (...args: unknown[]) => retryWhileBusy(() => method.apply(target, args) as Promise<unknown>);
      }
      return method.bind(target);
    },
  });
}
