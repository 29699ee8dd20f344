import "server-only";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { clientAddress } from "@/lib/http/client-address";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { readJson } from "@/lib/http/with-errors";
import { audit } from "@/lib/team/audit";
import { newAccountSchema } from "./new-account";
import { createOwner } from "./users";

/** POST /api/setup: "Create the owner account" on a password instance that has none yet. */
export async function handleSetup(request: Request): Promise<Response> {
  if (authEnv().mode !== "password") throw new AppError("not_found", "Owner setup is only for AUTH_MODE=password.");
  const ip = clientAddress(request.headers);
  await hitRateLimit(`setup:${ip ?? "unknown"}`, 60_000, 10);
  const owner = await createOwner(parseOr400(newAccountSchema, await readJson(request)));
  await audit({ action: "owner.create", actor: { id: owner.id, email: owner.email, role: "owner", ip }, target: { type: "user", id: owner.id }, after: { via: "setup page" } });
  return Response.json({ user: { id: owner.id, email: owner.email, name: owner.name, role: owner.role } }, { status: 201 });
}

/** At start: PLAYGROUND_INIT_OWNER_EMAIL / _PASSWORD make the owner when there is none (Docker, scripts). */
export async function initOwnerFromEnv(): Promise<void> {
  const env = authEnv();
  if (!env.initOwner || env.mode === "none") return;
  try {
    const owner = await createOwner({ name: "Owner", email: env.initOwner.email, password: env.initOwner.password });
    await audit({ action: "owner.create", actor: { id: owner.id, email: owner.email, role: "owner" }, target: { type: "user", id: owner.id }, after: { via: "PLAYGROUND_INIT_OWNER_EMAIL" } });
    console.log(`[startup] created the owner account ${owner.email}`);
  } catch (error) {
    if (error instanceof AppError && error.code === "owner_exists") return;
    throw error;
  }
}
