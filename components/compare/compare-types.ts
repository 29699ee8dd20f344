import type { ParamValues } from "@/lib/params/param-validator";
import type { Target } from "@/lib/compare/targets";

export type Column = { id: string; target: Target; overrides: ParamValues };

type FilePartOut = { type: "file"; mediaType: string; url: string; filename?: string };

/** What the compare view can ask of a column without re-rendering the others. */
export type ColumnHandle = {
  send(text: string, files: FilePartOut[]): void;
  stop(): void;
};

/** The stored numbers of a run, as the summary and repeat mode use them. */
export type RunRecordNumbers = {
  id: string;
  status: string;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  durationMs: number | null;
  costUsd: number | null;
  usage: { inputTokens: number | null; outputTokens: number | null; reasoningTokens: number | null };
};

export async function fetchRunRecord(runId: string): Promise<RunRecordNumbers | null> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(`/api/runs/${runId}`).catch(() => null);
    if (response?.ok) {
      const record = (await response.json()) as RunRecordNumbers;
      if (record.status !== "streaming") return record;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}
