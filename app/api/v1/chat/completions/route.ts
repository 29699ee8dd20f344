import { handleChatCompletions } from "@/lib/gateway/handle-chat-completions";
import { withOpenAiErrors } from "@/lib/gateway/openai-error";
import { serveDirectly } from "@/lib/http/direct-routes";

export const dynamic = "force-dynamic";
export const maxDuration = 800;
export const POST = withOpenAiErrors(handleChatCompletions);
serveDirectly("POST", "/api/v1/chat/completions", (request) => POST(request, undefined));
