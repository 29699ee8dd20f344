import "server-only";
import { AppError } from "@/lib/http/app-error";
import { publicOrigin } from "@/lib/http/client-address";
import { withErrors } from "@/lib/http/with-errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./policy";
import { resolveActor } from "./resolve-actor";

type Guarded<C> = (request: Request, context: C, actor: Actor) => Promise<Response>;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * State-changing requests from another site are refused. A bearer-token client is
 * not a browser riding on a cookie, so it is let through; any other Authorization
 * (a browser resends cached Basic credentials to any site's requests) is not.
 */
export function refuseCrossSite(request: Request): void {
  if (!UNSAFE.has(request.method) || /^bearer /i.test(request.headers.get("authorization") ?? "")) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if ((origin && origin !== publicOrigin(request)) || fetchSite === "cross-site") {
    throw new AppError("cross_site_request", "Requests that change data must come from this playground's own pages.");
  }
}

/** The signed-in actor, or 401. */
export async function requireActor(request: Request): Promise<Actor> {
  const actor = await resolveActor(request.headers);
  if (!actor) throw new AppError("unauthenticated", "Sign in first (or send an API key as Authorization: Bearer).");
  return actor;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not ${permission === "manage" ? "manage this instance" : permission} here.`);
  }
}

/** A route handler that runs only for a signed-in actor holding `permission`, with errors as JSON. */
export function guarded<C>(permission: Permission, handler: Guarded<C>) {
  return withErrors<C>(async (request, context) => {
    refuseCrossSite(request);
    const actor = await requireActor(request);
    requirePermission(actor, permission);
    return handler(request, context, actor);
  });
}
