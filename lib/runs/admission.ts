import "server-only";
import { countStreaming, spendWithReservations } from "@/db/gateway-queries";
import { insertRun, RUN_LEASE_MS } from "@/db/queries";
import { getUserById, readSetting, runInTransaction } from "@/db/team-queries";
import { getDb } from "@/db";
import type { NewRunRow, UserRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { formatUsdPlain, monthStartUtc } from "@/lib/runs/budget-format";
import { AppError } from "@/lib/http/app-error";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { getCatalog } from "@/lib/catalog/public-catalog";
import { instanceId } from "./run-leases";

// Admission of a run against rate limits and budgets. Budgets are hard caps:
// the run's worst-case cost is reserved in the same write transaction that
// checks the spend, so parallel calls cannot all slip under a cap. The
// reservation is released (settled to the real cost) when the run finishes.

export const INSTANCE_BUDGET_KEY = "instance-budget";

/** Providers whose runs are simulated (the built-in simulator): their cost is never spend. */
export async function simulatedProviders(): Promise<string[]> {
  return (await getCatalog()).providers.filter((p) => p.builtIn).map((p) => p.id);
}

type Cap = { label: string; capUsd: number; scope: { userId?: string; apiKeyId?: string } };

async function capsFor(actor: Actor, user: UserRow | undefined): Promise<Cap[]> {
  const caps: Cap[] = [];
  if (actor.key?.monthlyBudgetUsd != null) caps.push({ label: `API key "${actor.key.name}"`, capUsd: actor.key.monthlyBudgetUsd, scope: { apiKeyId: actor.key.id } });
  if (user?.monthlyBudgetUsd != null) caps.push({ label: `${user.name}'s`, capUsd: user.monthlyBudgetUsd, scope: { userId: user.id } });
  const instance = (await readSetting(INSTANCE_BUDGET_KEY)) as { monthlyBudgetUsd?: number | null } | undefined;
  if (typeof instance?.monthlyBudgetUsd === "number") caps.push({ label: "this playground's", capUsd: instance.monthlyBudgetUsd, scope: {} });
  return caps;
}

function tooMany(what: string, retryAfterS: number): AppError {
  return new AppError("rate_limited", `${what}. Try again in ${retryAfterS} s.`, undefined, { "retry-after": String(retryAfterS) });
}

/**
 * What is left to do once a run is admitted: write its row, unless the checks
 * had to write it already. The row is written after the upstream call is on
 * its way, so the write is off the first token's path.
 */
export type Admission = { writeRow: (() => Promise<void>) | null };

/**
 * Checks limits and reserves the run's worst-case cost; throws 402 or 429
 * instead. Where a budget or a concurrency limit applies, the check and the
 * row (status streaming, with its reservation) are one write transaction, so
 * parallel calls cannot all slip under a cap. Where none applies there is
 * nothing to race, and the row is returned to write later.
 */
export async function admitRun(row: NewRunRow, actor: Actor, worstCaseUsd: number | null, options: { simulated?: boolean } = {}): Promise<Admission> {
  const user = await getUserById(actor.id);
  if (actor.key?.rpm) await hitRateLimit(`rpm:key:${actor.key.id}`, 60_000, actor.key.rpm);
  if (user?.rpm) await hitRateLimit(`rpm:user:${user.id}`, 60_000, user.rpm);
  // A simulated run spends nothing: no cap applies to it and it reserves nothing (limits on requests and streams still do).
  if (options.simulated) worstCaseUsd = 0;
  const caps = options.simulated ? [] : await capsFor(actor, user);
  const now = row.createdAt instanceof Date ? row.createdAt : new Date();
  const from = monthStartUtc(now);
  const reserved = (): NewRunRow => ({ ...row, reservedUsd: worstCaseUsd, leaseUntil: new Date(Date.now() + RUN_LEASE_MS), instanceId: instanceId() });
  if (caps.length === 0 && !actor.key?.maxConcurrent && !user?.maxConcurrent) {
    return { writeRow: () => insertRun(reserved()) };
  }
  const notSpend = { providers: caps.length ? await simulatedProviders() : [] };

  // A refusal is returned, not thrown, so the transaction commits (having written nothing) rather
  // than rolling back: nothing else that ran on the connection meanwhile is undone with it.
  const refusal = await runInTransaction(async (db): Promise<AppError | null> => {
    if (actor.key?.maxConcurrent && (await countStreaming({ apiKeyId: actor.key.id }, db)) >= actor.key.maxConcurrent) {
      return tooMany(`API key "${actor.key.name}" already has ${actor.key.maxConcurrent} stream(s) open`, 1);
    }
    if (user?.maxConcurrent && (await countStreaming({ userId: user.id }, db)) >= user.maxConcurrent) {
      return tooMany(`You already have ${user.maxConcurrent} stream(s) open`, 1);
    }
    for (const cap of caps) {
      if (worstCaseUsd === null) {
        return new AppError("budget_unknown_price", `${cap.label} monthly budget of ${formatUsdPlain(cap.capUsd)} cannot be guaranteed: this offering has no price, so its worst-case cost is unknown.`);
      }
      const { spentUsd, reservedUsd } = await spendWithReservations(cap.scope, from, db, notSpend);
      if (spentUsd + reservedUsd + worstCaseUsd > cap.capUsd + 1e-12) {
        return new AppError("over_budget",
          `Over ${cap.label} monthly budget of ${formatUsdPlain(cap.capUsd)}: spent ${formatUsdPlain(spentUsd)}, ${formatUsdPlain(reservedUsd)} reserved by runs in progress, and this call may cost up to ${formatUsdPlain(worstCaseUsd)}.`,
        );
      }
    }
    await insertRun(reserved(), db);
    return null;
  });
  if (refusal) throw refusal;
  return { writeRow: null };
}

export type BudgetStatus = { label: string; capUsd: number; spentUsd: number; reservedUsd: number; remainingUsd: number; warning: boolean };

/** Each cap that applies to the actor, with this month's spend: shown before Send and before a batch. */
export async function budgetStatus(actor: Actor, now = new Date()): Promise<BudgetStatus[]> {
  const from = monthStartUtc(now);
  const db = await getDb();
  const caps = await capsFor(actor, await getUserById(actor.id));
  const notSpend = { providers: await simulatedProviders() };
  return Promise.all(
    caps.map(async (cap) => {
      const { spentUsd, reservedUsd } = await spendWithReservations(cap.scope, from, db, notSpend);
      const remainingUsd = Math.max(0, cap.capUsd - spentUsd - reservedUsd);
      return { label: cap.label, capUsd: cap.capUsd, spentUsd, reservedUsd, remainingUsd, warning: spentUsd + reservedUsd >= 0.8 * cap.capUsd };
    }),
  );
}
