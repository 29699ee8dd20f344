import { simulator } from "@/lib/catalog/providers/simulator";
import { errorResponse } from "./handle-simulator-request";

const CREATED = Math.floor(Date.parse("2026-11-23T00:00:00Z") / 1000);

const modelJson = (id: string) => ({ id, object: "model", created: CREATED, owned_by: "simulator" });

/** GET /api/simulator/v1/models, as OpenAI lists models. */
export function listSimulatorModels(): Response {
  return Response.json({ object: "list", data: simulator.offerings.map((o) => modelJson(o.providerModelId)) });
}

/** GET /api/simulator/v1/models/{id} (the `openai` client's models.retrieve); an unknown id is OpenAI's 404. */
export function getSimulatorModel(id: string): Response {
  if (!simulator.offerings.some((o) => o.providerModelId === id)) return errorResponse(404, `The model '${id}' does not exist`, "invalid_request_error", "model_not_found", "model");
  return Response.json(modelJson(id));
}

/** Anything else under /api/simulator/v1: OpenAI's JSON 404, never the HTML page. */
export function simulatorNotFound(request: Request): Response {
  const path = new URL(request.url).pathname.replace(/^\/api\/simulator\/v1/, "");
  return errorResponse(404, `Invalid URL (${request.method} /v1${path})`, "invalid_request_error", "unknown_url");
}
