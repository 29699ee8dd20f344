import "server-only";
import { z } from "zod";
import { simulatedProviders } from "@/lib/runs/admission";
import { deleteUserSessions, getUserById, listUsers, runInTransaction, spendByUser, updateUser } from "@/db/team-queries";
import { ROLES, type UserRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assignableRoles } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { audit } from "./audit";
import { monthStartUtc } from "@/lib/runs/budget-format";

function userJson(user: UserRow, spendUsd: number, simulatedUsd = 0) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    monthlyBudgetUsd: user.monthlyBudgetUsd,
    rpm: user.rpm,
    maxConcurrent: user.maxConcurrent,
    spendThisMonthUsd: spendUsd,
    /** What this month's simulator runs would cost at list price: shown apart, never spend. */
    simulatedThisMonthUsd: simulatedUsd,
    createdAt: user.createdAt.toISOString(),
  };
}

/** GET /api/admin/users: every account with this month's computed spend. */
export async function listUserRecords() {
  const now = new Date();
  const spend = new Map<string, number>();
  const simulatedSpend = new Map<string, number>();
  const simulated = new Set(await simulatedProviders());
  for (const row of await spendByUser({ from: monthStartUtc(now), to: new Date(now.getTime() + 1) })) {
    if (!row.userId) continue;
    const into = simulated.has(row.provider) ? simulatedSpend : spend;
    into.set(row.userId, (into.get(row.userId) ?? 0) + row.spendUsd);
  }
  return { users: (await listUsers()).map((u) => userJson(u, spend.get(u.id) ?? 0, simulatedSpend.get(u.id) ?? 0)) };
}

const patchSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    monthlyBudgetUsd: z.number().min(0).max(1_000_000).nullable().optional(),
    rpm: z.number().int().min(1).max(100_000).nullable().optional(),
    maxConcurrent: z.number().int().min(1).max(10_000).nullable().optional(),
  })
  .strict();

/**
 * PATCH /api/admin/users/:id. Admins change roles up to admin, disable and
 * enable accounts, set budgets; nobody changes their own role or disables
 * themselves; the owner cannot be disabled; making someone owner (the owner
 * only) hands ownership over and makes the previous owner an admin.
 */
export async function patchUser(id: string, body: unknown, actor: Actor) {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError("invalid_id", "User ids are letters, digits and dashes.", "id");
  const patch = parseOr400(patchSchema, body);
  const target = await getUserById(id);
  if (!target) throw new AppError("not_found", `No user with id ${id}.`);
  if (target.role === "owner" && actor.role !== "owner") throw new AppError("forbidden", "Only the owner changes the owner's account.");
  if (target.id === actor.id && (patch.role !== undefined || patch.disabled !== undefined)) {
    throw new AppError("own_account", "You cannot change your own role or disable yourself.", patch.role !== undefined ? "role" : "disabled");
  }
  if (patch.role !== undefined && patch.role !== target.role && !assignableRoles(actor.role).includes(patch.role)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not make someone ${patch.role}.`, "role");
  }
  if (patch.disabled && (patch.role === "owner" || target.role === "owner")) throw new AppError("owner_disabled", "The owner cannot be disabled; hand ownership over first.", "disabled");

  await runInTransaction(async (db) => {
    if (patch.role !== undefined && patch.role !== target.role) {
      if (patch.role === "owner") {
        await updateUser(actor.id, { role: "admin" }, db);
        await audit({ action: "user.role-change", actor, target: { type: "user", id: actor.id }, before: { role: "owner" }, after: { role: "admin" } }, db);
      }
      await updateUser(id, { role: patch.role }, db);
      await audit({ action: "user.role-change", actor, target: { type: "user", id }, before: { role: target.role }, after: { role: patch.role } }, db);
    }
    if (patch.disabled !== undefined && patch.disabled !== target.disabled) {
      await updateUser(id, { disabled: patch.disabled }, db);
      await audit({ action: patch.disabled ? "user.disable" : "user.enable", actor, target: { type: "user", id }, before: { disabled: target.disabled }, after: { disabled: patch.disabled } }, db);
    }
    if (patch.monthlyBudgetUsd !== undefined && patch.monthlyBudgetUsd !== target.monthlyBudgetUsd) {
      await updateUser(id, { monthlyBudgetUsd: patch.monthlyBudgetUsd }, db);
      await audit({ action: "user.budget-change", actor, target: { type: "user", id }, before: { monthlyBudgetUsd: target.monthlyBudgetUsd }, after: { monthlyBudgetUsd: patch.monthlyBudgetUsd } }, db);
    }
    const limits = { rpm: patch.rpm, maxConcurrent: patch.maxConcurrent };
    const changed = Object.fromEntries(Object.entries(limits).filter(([k, v]) => v !== undefined && v !== target[k as keyof typeof limits]));
    if (Object.keys(changed).length) {
      await updateUser(id, changed, db);
      await audit({ action: "user.limits-change", actor, target: { type: "user", id }, before: { rpm: target.rpm, maxConcurrent: target.maxConcurrent }, after: changed }, db);
    }
  });
  // A disabled account's sessions end at once.
  if (patch.disabled) await deleteUserSessions(id);
  return { user: (await listUserRecords()).users.find((u) => u.id === id)! };
}
