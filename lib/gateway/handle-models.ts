import "server-only";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { getCatalog } from "@/lib/catalog/public-catalog";
import { AppError } from "@/lib/http/app-error";
import { allowedFor, readOfferingAccess } from "@/lib/team/offering-access";
import { gatewayModels, type GatewayModel } from "./model-ids";

async function modelsFor(actor: Actor): Promise<GatewayModel[]> {
  const access = await readOfferingAccess();
  return (await gatewayModels(await getCatalog())).filter((m) => {
    const [provider, ...rest] = (m.alias_of ?? m.id).split("/");
    const model = rest.join("/");
    if (!allowedFor(access, actor.role, provider!, model)) return false;
    if (actor.key?.allowedProviders && !actor.key.allowedProviders.includes(provider!)) return false;
    if (actor.key?.allowedModels && !actor.key.allowedModels.includes(`${provider}/${model}`)) return false;
    return true;
  });
}

/** GET /api/v1/models: what this caller may use, as OpenAI lists models. */
export async function handleListModels(request: Request): Promise<Response> {
  const actor = await requireActor(request);
  requirePermission(actor, "read");
  return Response.json({ object: "list", data: await modelsFor(actor) });
}

/** GET /api/v1/models/{id}; ids contain slashes (openrouter/qwen/qwen3.5-flash-02-23). */
export async function handleGetModel(request: Request, id: string): Promise<Response> {
  const actor = await requireActor(request);
  requirePermission(actor, "read");
  const model = (await modelsFor(actor)).find((m) => m.id === id);
  if (!model) throw new AppError("model_not_found", `The model '${id}' does not exist.`, "model");
  return Response.json(model);
}
