"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  busy: boolean;
  blockedReason: string | null;
  onSend: (text: string) => void;
  onStop: () => void;
};

export function Composer({ busy, blockedReason, onSend, onStop }: Props) {
  const [text, setText] = useState("");
  const canSend = !busy && !blockedReason && text.trim().length > 0;
  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText("");
  };
  return (
    <div className="border-t border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <textarea
        data-testid="composer-input"
        aria-label="Message"
        value={text}
        rows={3}
        placeholder="Write a message… (Ctrl/⌘ + Enter to send)"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
        className="w-full resize-y rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      <div className="mt-2 flex items-center justify-between gap-2">
        <p data-testid="composer-blocked" className="text-xs text-red-600">
          {blockedReason}
        </p>
        {busy ? (
          <Button variant="danger" data-testid="stop-button" onClick={onStop}>
            ■ Stop
          </Button>
        ) : (
          <Button variant="primary" data-testid="send-button" disabled={!canSend} onClick={send}>
            Send
          </Button>
        )}
      </div>
    </div>
  );
}
