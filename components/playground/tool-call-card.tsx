"use client";

import { useState } from "react";
import { JsonTree } from "@/components/structured/json-tree";
import { parseToolResult } from "@/lib/tools/tool-result";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

// One tool call of an answer: the function, its arguments, and its result. A
// call still waiting for a result takes one here (typed or pasted, JSON or
// text), and the conversation continues with it.

export type ToolCallView = {
  toolCallId: string;
  toolName: string;
  state: string;
  input: unknown;
  output?: unknown;
  errorText?: string;
};

type Props = {
  call: ToolCallView;
  /** Present when this call is the one the conversation waits on. */
  onResult?: (output: unknown) => void;
  busy: boolean;
};

const STATE_WORDS: Record<string, string> = {
  "input-streaming": "receiving arguments…",
  "input-available": "waiting for a result",
  "output-available": "result given",
  "output-error": "failed",
};

export function ToolCallCard({ call, onResult, busy }: Props) {
  const [draft, setDraft] = useState("");
  const [showJson, setShowJson] = useState(false);
  const inputId = `tool-result-${call.toolCallId}`;
  return (
    <section data-testid="tool-call" data-tool-name={call.toolName} data-state={call.state} aria-label={`Tool call ${call.toolName}`} className="my-2 rounded-md border border-violet-300 bg-violet-50/60 p-2 text-xs dark:border-violet-800 dark:bg-violet-950/30">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <span className="font-semibold">Tool call</span> <code data-testid="tool-call-name" className="font-mono font-semibold">{call.toolName}</code>
        </span>
        <span className="text-muted">
          <span data-testid="tool-call-state">{STATE_WORDS[call.state] ?? call.state}</span> · <code className="font-mono">{call.toolCallId}</code>
        </span>
      </header>
      <div className="mt-1 flex items-center justify-between">
        <span className="font-medium">Arguments</span>
        <button type="button" className="text-[11px] underline" aria-pressed={showJson} onClick={() => setShowJson((v) => !v)}>
          {showJson ? "Tree" : "JSON"}
        </button>
      </div>
      <div data-testid="tool-call-arguments" className="mt-1 overflow-x-auto rounded bg-white p-1.5 dark:bg-zinc-900">
        {showJson ? <pre className="font-mono">{JSON.stringify(call.input ?? {}, null, 2)}</pre> : <JsonTree value={call.input ?? {}} errors={[]} />}
      </div>
      {call.state === "output-available" && (
        <div className="mt-2">
          <span className="font-medium">Result</span>
          <pre data-testid="tool-call-result" className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-white p-1.5 font-mono dark:bg-zinc-900">
            {typeof call.output === "string" ? call.output : JSON.stringify(call.output, null, 2)}
          </pre>
        </div>
      )}
      {call.state === "output-error" && <p className="mt-2 text-red-700 dark:text-red-400">{call.errorText}</p>}
      {call.state === "input-available" && onResult && (
        <form
          className="mt-2 space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.trim() || busy) return;
            onResult(parseToolResult(draft));
          }}
        >
          <label htmlFor={inputId} className="font-medium">
            Result of {call.toolName}
          </label>
          <Textarea
            id={inputId}
            data-testid="tool-result-input"
            value={draft}
            rows={3}
            spellCheck={false}
            placeholder='Type or paste what the function returned: JSON such as {"temperature": 21} or plain text'
            onChange={(e) => setDraft(e.target.value)}
            className="resize-y p-1.5 font-mono text-xs"
          />
          <div className="flex items-center gap-2">
            <Button type="submit" size="sm" variant="primary" data-testid="tool-result-send" disabled={busy || !draft.trim()}>
              Send result and continue
            </Button>
            <span className="text-muted">{draft.trim() ? (typeof parseToolResult(draft) === "string" ? "sent as text" : "sent as JSON") : ""}</span>
          </div>
        </form>
      )}
      {call.state === "input-available" && !onResult && <p className="mt-2 text-muted">No result given.</p>}
    </section>
  );
}
