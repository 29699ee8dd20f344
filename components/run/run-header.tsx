import { formatMs, formatRate, formatTokens, formatUsd } from "@/lib/format";
import type { RunRecord } from "@/lib/runs/run-record";

/** Target, status, time and the parameters exactly as sent. */
export function RunHeader({ record }: { record: RunRecord }) {
  const params = Object.entries(record.params);
  return (
    <div className="space-y-1 text-xs">
      <p className="font-medium">
        <span data-testid="run-target" className="font-mono">
          {record.provider} · {record.model}
        </span>{" "}
        <span className="text-muted">
          · {record.status} · {new Date(record.createdAt).toISOString().replace("T", " ").slice(0, 19)} UTC
        </span>
      </p>
      <p data-testid="run-numbers" className="font-mono text-zinc-600 dark:text-zinc-400">
        cost <span data-testid="run-cost">{formatUsd(record.costUsd ?? record.providerCostUsd)}</span> · tokens {formatTokens(record.usage.inputTokens)} in / {formatTokens(record.usage.outputTokens)} out · TTFT {formatMs(record.ttftMs)} ·{" "}
        {formatRate(record.tokensPerSecond)}
      </p>
      <p data-testid="run-params" className="font-mono text-zinc-600 dark:text-zinc-400">
        params as sent: {params.length ? params.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ") : "none (provider defaults)"}
      </p>
    </div>
  );
}
