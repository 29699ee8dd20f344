import { handleChatCompletions } from "@/lib/gateway/handle-chat-completions";
import { withOpenAiErrors } from "@/lib/gateway/openai-error";

export const dynamic = "force-dynamic";
export const maxDuration = 800;
export const POST = withOpenAiErrors(handleChatCompletions);
