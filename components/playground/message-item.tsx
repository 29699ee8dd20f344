"use client";

import { lazy, Suspense, useState } from "react";
import type { UIMessage } from "ai";
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
import { RunStats } from "./run-stats";

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

type Props = {
  message: PlaygroundMessage;
  streaming: boolean;
  isLastUser: boolean;
  isLastAssistant: boolean;
  busy: boolean;
  liveTtftMs: number | null;
  onEdit: (messageId: string, text: string) => void;
  onRegenerate: () => void;
};

export function MessageItem({ message, streaming, isLastUser, isLastAssistant, busy, liveTtftMs, onEdit, onRegenerate }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");

  if (message.role === "user") {
    return (
      <div data-testid="message-user" className="ml-auto max-w-[85%] rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900">
        {editing ? (
          <div className="space-y-2">
            <textarea
              data-testid="edit-input"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={3}
              className="w-full rounded bg-white p-2 text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
            />
            <div className="flex justify-end gap-2">
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button
                size="sm"
                data-testid="edit-save"
                disabled={!draft.trim()}
                onClick={() => {
                  setEditing(false);
                  onEdit(message.id, draft.trim());
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
            {isLastUser && !busy && (
              <button
                type="button"
                data-testid="edit-last"
                className="mt-1 text-[11px] underline opacity-70 hover:opacity-100"
                onClick={() => {
                  setDraft(textOf(message));
                  setEditing(true);
                }}
              >
                Edit
              </button>
            )}
          </>
        )}
      </div>
    );
  }

  const reasoning = message.parts.map((p) => (p.type === "reasoning" ? p.text : "")).join("");
  const text = textOf(message);
  const toolParts = message.parts.filter((p) => p.type.startsWith("tool-") || p.type === "dynamic-tool");
  return (
    <div data-testid="message-assistant" className="max-w-full rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      {reasoning && <ReasoningBlock text={reasoning} streaming={streaming && !text} />}
      {text && (
        <div data-testid="answer">
          <Suspense fallback={<p className="whitespace-pre-wrap">{text}</p>}>
            <Markdown text={text} streaming={streaming} />
          </Suspense>
        </div>
      )}
      {toolParts.map((part, i) => (
        <pre key={i} data-testid="tool-call" className="my-1 overflow-x-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">
          {`tool call ${part.type.replace(/^tool-/, "")}: ${JSON.stringify("input" in part ? part.input : {}, null, 0)}`}
        </pre>
      ))}
      <RunStats metadata={message.metadata} streaming={streaming} liveTtftMs={liveTtftMs} />
      {isLastAssistant && !busy && (
        <Button size="sm" variant="ghost" data-testid="regenerate" className="mt-1" onClick={onRegenerate}>
          ↻ Regenerate
        </Button>
      )}
    </div>
  );
}
