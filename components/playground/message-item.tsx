"use client";

import { lazy, Suspense, useRef, useState } from "react";
import { getToolName, isToolUIPart, type UIMessage } from "ai";
import type { RunMessageMetadata } from "@/lib/runs/run-types";
import { Button } from "@/components/ui/button";

// The markdown renderer (parser and code highlighting) is the largest part of an
// answer's code: it loads after the page, and the text shows plain meanwhile.
const loadMarkdown = () => import("./markdown");
const Markdown = lazy(() => loadMarkdown().then((m) => ({ default: m.Markdown })));
/** Starts fetching the renderer before the first answer needs it. */
export function preloadMarkdown(): void {
  void loadMarkdown();
}
import { CopyButton } from "./copy-button";
import { RawExchangeButton } from "./raw-exchange";
import { RunStats } from "./run-stats";
import { TokenProbabilities } from "./token-probabilities";
import { ToolCallCard, type ToolCallView } from "./tool-call-card";
import { StructuredAnswer } from "@/components/structured/structured-answer";
import { Textarea } from "@/components/ui/textarea";

export type PlaygroundMessage = UIMessage<RunMessageMetadata>;

function textOf(message: PlaygroundMessage): string {
  return message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
}

/** Images and videos attached to a message, served back from /api/uploads. */
function MessageFiles({ message }: { message: PlaygroundMessage }) {
  const files = message.parts.filter((p): p is Extract<PlaygroundMessage["parts"][number], { type: "file" }> => p.type === "file");
  if (files.length === 0) return null;
  return (
    <div data-testid="message-files" className="mb-1 flex flex-wrap gap-2">
      {files.map((file, i) =>
        file.mediaType.startsWith("video/") ? (
          <video key={i} data-testid="message-video" src={`${file.url}#t=0.1`} controls preload="metadata" className="h-28 rounded bg-black" />
        ) : (
          <img key={i} data-testid="message-image" src={file.url} alt={file.filename ?? "attachment"} className="h-28 rounded object-cover" />
        ),
      )}
    </div>
  );
}

function ReasoningBlock({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <details open={streaming || undefined} data-testid="reasoning" className="mb-2 rounded border border-zinc-200 bg-zinc-100/60 px-2 py-1 text-xs dark:border-zinc-800 dark:bg-zinc-900/60">
      <summary className="cursor-pointer select-none text-muted">Reasoning{streaming ? " (thinking…)" : ""}</summary>
      <div data-testid="reasoning-text" className="mt-1 text-zinc-600 dark:text-zinc-400">
        <Suspense fallback={<p className="whitespace-pre-wrap">{text}</p>}>
          <Markdown text={text} streaming={streaming} />
        </Suspense>
      </div>
    </details>
  );
}

/** "‹ 2 / 3 ›": flips between the alternatives at this point of the conversation. */
function AlternativeSwitch({ alternatives, busy, onSwitch }: { alternatives: { current: number; count: number }; busy: boolean; onSwitch: (to: number) => void }) {
  const { current, count } = alternatives;
  return (
    <span data-testid="alternatives" className="inline-flex items-center gap-1 text-[11px]">
      <button type="button" aria-label="Previous alternative" data-testid="alternative-prev" disabled={busy || current === 0} onClick={() => onSwitch(current - 1)} className="px-1 disabled:opacity-40">
        ‹
      </button>
      <span data-testid="alternative-position">
        {current + 1} / {count}
      </span>
      <button type="button" aria-label="Next alternative" data-testid="alternative-next" disabled={busy || current === count - 1} onClick={() => onSwitch(current + 1)} className="px-1 disabled:opacity-40">
        ›
      </button>
    </span>
  );
}

const actionClass = "rounded px-1.5 py-0.5 text-[11px] underline-offset-2 hover:underline disabled:opacity-40";

/** What can be done to a message of a live conversation (a transcript has none of it). */
type MessageActions = {
  alternatives: { current: number; count: number } | null;
  onSwitch: (to: number) => void;
  /** User messages: replace the text (keeping attachments) and answer again from here. */
  onEdit: (text: string) => void;
  /** User messages: remove the question and its answer. */
  onDeleteTurn: () => void;
  /** Assistant messages: answer again; this answer stays as an alternative. */
  onRegenerate: () => void;
  /** The last answer's pending tool call: give its result and continue. */
  onToolResult?: (call: ToolCallView, output: unknown) => void;
};

function toolCallsOf(message: PlaygroundMessage): ToolCallView[] {
  return message.parts.filter(isToolUIPart).map((part) => ({
    toolCallId: part.toolCallId,
    toolName: getToolName(part),
    state: part.state,
    input: part.input,
    output: "output" in part ? part.output : undefined,
    errorText: "errorText" in part ? part.errorText : undefined,
  }));
}

type Props = {
  message: PlaygroundMessage;
  streaming: boolean;
  busy: boolean;
  liveTtftMs: number | null;
  actions?: MessageActions;
  /** Offer the run's raw request and events (not on a public share page). */
  showRaw?: boolean;
};

export function MessageItem({ message, streaming, busy, liveTtftMs, actions, showRaw = true }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [showProbabilities, setShowProbabilities] = useState(false);
  const answerRef = useRef<HTMLDivElement>(null);

  if (message.role === "user") {
    return (
      <div data-testid="message-user" className="group ml-auto max-w-[85%]">
        <div className="rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900">
          {editing ? (
            <div className="space-y-2">
              <Textarea
                data-testid="edit-input"
                aria-label="Edit message"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                rows={3}
                className="text-zinc-900 dark:text-zinc-100"
              />
              <div className="flex justify-end gap-2">
                <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
                <Button
                  size="sm"
                  data-testid="edit-save"
                  disabled={!draft.trim() || busy}
                  onClick={() => {
                    setEditing(false);
                    actions?.onEdit(draft.trim());
                  }}
                >
                  Save & resend
                </Button>
              </div>
            </div>
          ) : (
            <>
              <MessageFiles message={message} />
              <p className="whitespace-pre-wrap">{textOf(message)}</p>
            </>
          )}
        </div>
        {!editing && (
          <div data-testid="message-actions" className="mt-0.5 flex flex-wrap items-center justify-end gap-1 text-muted">
            {actions?.alternatives && <AlternativeSwitch alternatives={actions.alternatives} busy={busy} onSwitch={actions.onSwitch} />}
            <CopyButton text={() => textOf(message)} testId="copy-message" className={actionClass} />
            {actions && (
              <>
                <button
                  type="button"
                  data-testid="edit-message"
                  disabled={busy}
                  className={actionClass}
                  onClick={() => {
                    setDraft(textOf(message));
                    setEditing(true);
                  }}
                >
                  Edit
                </button>
                <button type="button" data-testid="delete-turn" disabled={busy} className={actionClass} onClick={actions.onDeleteTurn}>
                  Delete turn
                </button>
              </>
            )}
          </div>
        )}
      </div>
    );
  }

  const reasoning = message.parts.map((p) => (p.type === "reasoning" ? p.text : "")).join("");
  const text = textOf(message);
  const toolCalls = toolCallsOf(message);
  // An answer that called a tool and then went on (after its result) reads call first, then text.
  const firstTool = message.parts.findIndex(isToolUIPart);
  const firstText = message.parts.findIndex((p) => p.type === "text");
  const toolsFirst = firstTool >= 0 && (firstText < 0 || firstTool < firstText);
  const toolCards = toolCalls.map((call) => (
    <ToolCallCard key={call.toolCallId} call={call} busy={busy} onResult={actions?.onToolResult && call.state === "input-available" ? (output) => actions.onToolResult!(call, output) : undefined} />
  ));
  const logprobs = message.metadata?.logprobs;
  const finished = Boolean(message.metadata?.summary) && !streaming;
  return (
    <div data-testid="message-assistant" className="max-w-full rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      {reasoning && <ReasoningBlock text={reasoning} streaming={streaming && !text} />}
      {toolsFirst && toolCards}
      {text && showProbabilities && logprobs ? (
        <TokenProbabilities tokens={logprobs} />
      ) : (
        text && (
          <AnswerText text={text} streaming={streaming} expectedJson={finished ? message.metadata?.expectedJson : undefined} answerRef={answerRef} />
        )
      )}
      {!toolsFirst && toolCards}
      <RunStats metadata={message.metadata} streaming={streaming} liveTtftMs={liveTtftMs} />
      {!streaming && (
        <div data-testid="message-actions" className="mt-1 flex flex-wrap items-center gap-1 text-muted">
          {actions?.alternatives && <AlternativeSwitch alternatives={actions.alternatives} busy={busy} onSwitch={actions.onSwitch} />}
          {/* biome-ignore lint/performance/useDomNodeTextContent: "copy text" is the text as rendered, which innerText gives */}
          {text && <CopyButton text={() => answerRef.current?.innerText ?? text} label="Copy text" testId="copy-text" className={actionClass} />}
          {text && <CopyButton text={() => text} label="Copy markdown" testId="copy-markdown" className={actionClass} />}
          {actions && (
            <button type="button" data-testid="regenerate" disabled={busy} className={actionClass} onClick={actions.onRegenerate}>
              ↻ Regenerate
            </button>
          )}
          {logprobs && logprobs.length > 0 && (
            <button type="button" data-testid="toggle-probabilities" aria-pressed={showProbabilities} className={actionClass} onClick={() => setShowProbabilities((v) => !v)}>
              {showProbabilities ? "Hide token probabilities" : "Token probabilities"}
            </button>
          )}
          {showRaw && finished && message.metadata?.runId && <RawExchangeButton runId={message.metadata.runId} />}
        </div>
      )}
    </div>
  );
}

function AnswerText({ text, streaming, expectedJson, answerRef }: { text: string; streaming: boolean; expectedJson?: Record<string, unknown> | true; answerRef: React.RefObject<HTMLDivElement | null> }) {
  const rendered = (
    <div data-testid="answer" ref={answerRef}>
      <Suspense fallback={<p className="whitespace-pre-wrap">{text}</p>}>
        <Markdown text={text} streaming={streaming} />
      </Suspense>
    </div>
  );
  return expectedJson ? (
    <StructuredAnswer text={text} schema={expectedJson}>
      {rendered}
    </StructuredAnswer>
  ) : (
    rendered
  );
}
