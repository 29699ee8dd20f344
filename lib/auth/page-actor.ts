import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import type { Actor } from "./actor";
import { can } from "./policy";
import { resolveActor } from "./resolve-actor";
import { needsOwnerSetup } from "./users";

/**
 * The signed-in actor for a page, or null (remote on a no-sign-in instance,
 * bad credentials, nobody). Cached per request: the layout and the page both ask.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  try {
    return await resolveActor(await headers());
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
});

/** For pages that need someone signed in: otherwise to the owner setup or the sign-in page. */
export async function requirePageActor(next = "/"): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if (authEnv().mode === "password" && (await needsOwnerSetup())) redirect("/setup");
  redirect(`/sign-in?next=${encodeURIComponent(next)}`);
}

export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  authMode: string;
  can: { run: boolean; upload: boolean; share: boolean; manage: boolean };
};

/** What the browser may know about who is signed in (no ids of sessions, no tokens). */
export function toViewer(actor: Actor): Viewer {
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    authMode: authEnv().mode,
    can: { run: can(actor.role, "run"), upload: can(actor.role, "upload"), share: can(actor.role, "share"), manage: can(actor.role, "manage") },
  };
}
