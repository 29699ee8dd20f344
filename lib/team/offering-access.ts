import "server-only";
import { z } from "zod";
import { readSetting, writeSetting } from "@/db/team-queries";
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { audit } from "./audit";

// Which offerings each role may run, set by admins (e.g. members may not use
// a costly one). null = every offering. Owners and admins are never limited.

const SETTING_KEY = "offering-access";
const offeringKey = z.string().regex(/^[a-z0-9-]+\/(\*|.+)$/, "entries are provider/model or provider/*").max(300);
const offeringAccessSchema = z
  .object({
    member: z.array(offeringKey).max(500).nullable(),
    viewer: z.array(offeringKey).max(500).nullable(),
  })
  .strict();
export type OfferingAccess = z.infer<typeof offeringAccessSchema>;

const OPEN: OfferingAccess = { member: null, viewer: null };

export async function readOfferingAccess(): Promise<OfferingAccess> {
  const parsed = offeringAccessSchema.safeParse(await readSetting(SETTING_KEY));
  return parsed.success ? parsed.data : OPEN;
}

export function allowedFor(access: OfferingAccess, role: Role, provider: string, model: string): boolean {
  if (role === "owner" || role === "admin") return true;
  const list = access[role];
  return list === null || list.includes(`${provider}/${model}`) || list.includes(`${provider}/*`);
}

export async function requireOfferingAllowed(actor: Actor, provider: string, model: string): Promise<void> {
  if (isAdmin(actor.role)) return;
  if (!allowedFor(await readOfferingAccess(), actor.role, provider, model)) {
    throw new AppError("offering_not_allowed", `Your role (${actor.role}) may not use ${provider}/${model} on this playground. Ask an admin.`, "model");
  }
}

export async function updateOfferingAccess(body: unknown, actor: Actor): Promise<OfferingAccess> {
  const access = parseOr400(offeringAccessSchema, body);
  const before = await readOfferingAccess();
  await writeSetting(SETTING_KEY, access);
  await audit({ action: "settings.change", actor, target: { type: "setting", id: SETTING_KEY }, before, after: access });
  return access;
}
