import "server-only";
import { openAiCompatibleAdapter } from "./openai-compatible-wire";

// Alibaba Model Studio (DashScope) compatible mode: enable_thinking and
// thinking_budget are top-level body fields (thinking is on by default for
// Qwen3.5, so turning it off sends an explicit false), and usage arrives only
// when stream_options.include_usage is set, which every run asks for.
export const dashscopeAdapter = openAiCompatibleAdapter("dashscope", {
  statusWords: {
    403: "access denied or the account is overdue",
    429: "rate limited or out of quota",
  },
});
