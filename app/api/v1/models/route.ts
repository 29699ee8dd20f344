import { handleListModels } from "@/lib/gateway/handle-models";
import { withOpenAiErrors } from "@/lib/gateway/openai-error";

export const dynamic = "force-dynamic";
export const GET = withOpenAiErrors(handleListModels);
