import { handleGetModel } from "@/lib/gateway/handle-models";
import { withOpenAiErrors } from "@/lib/gateway/openai-error";

export const dynamic = "force-dynamic";
export const GET = withOpenAiErrors(async (request: Request, context: { params: Promise<{ id: string[] }> }) =>
  handleGetModel(request, (await context.params).id.join("/")),
);
