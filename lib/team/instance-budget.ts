import "server-only";
import { z } from "zod";
import { readSetting, writeSetting } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { INSTANCE_BUDGET_KEY } from "@/lib/runs/admission";
import { audit } from "./audit";

const budgetSchema = z.object({ monthlyBudgetUsd: z.number().min(0).max(10_000_000).nullable() }).strict();

/** The monthly cap for the whole instance (every person and key together); null = none. */
export async function readInstanceBudget(): Promise<{ monthlyBudgetUsd: number | null }> {
  const parsed = budgetSchema.safeParse(await readSetting(INSTANCE_BUDGET_KEY));
  return parsed.success ? parsed.data : { monthlyBudgetUsd: null };
}

export async function updateInstanceBudget(body: unknown, actor: Actor): Promise<{ monthlyBudgetUsd: number | null }> {
  const budget = parseOr400(budgetSchema, body);
  const before = await readInstanceBudget();
  await writeSetting(INSTANCE_BUDGET_KEY, budget);
  await audit({ action: "settings.change", actor, target: { type: "setting", id: INSTANCE_BUDGET_KEY }, before, after: budget });
  return budget;
}
