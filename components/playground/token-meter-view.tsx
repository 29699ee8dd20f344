"use client";

import type { TokenMeter } from "@/lib/chat/token-meter";
import { formatTokens, formatUsd } from "@/lib/format";

const ESTIMATE_NOTE = "Upper estimate: 1 token per 3 bytes of text, 1,500 per image or video (no Qwen tokenizer runs in the browser). The worst case is every input token plus the full max output.";

/** Tokens the next send takes, the context window it fills, and the most it can cost. */
export function TokenMeterView({ meter }: { meter: TokenMeter }) {
  const share = meter.contextShare;
  return (
    <p data-testid="token-meter" title={ESTIMATE_NOTE} className="flex flex-wrap gap-x-3 px-3 pt-1 text-[11px] text-muted">
      <span data-testid="meter-total">
        ≈ {formatTokens(meter.total)} tokens in
      </span>
      <span>
        system {formatTokens(meter.system)} · history {formatTokens(meter.history)} · message {formatTokens(meter.message)}
        {meter.attachments > 0 && ` · attachments ${formatTokens(meter.attachments)}`}
      </span>
      <span data-testid="meter-context" className={share > 1 ? "font-medium text-red-700 dark:text-red-300" : undefined}>
        {(share * 100).toFixed(share < 0.01 ? 2 : 1)}% of {formatTokens(meter.contextTokens)} context with {formatTokens(meter.maxOutputTokens)} max output
      </span>
      <span data-testid="meter-cost">worst case {meter.worstCaseUsd === null ? "no price known" : formatUsd(meter.worstCaseUsd)}</span>
      <span>(estimate)</span>
    </p>
  );
}
