"use client";

import { useRef, useState } from "react";
import type { CapturedExchange } from "@/lib/providers/upstream-capture";
import { Dialog } from "@/components/ui/dialog";

// A run's raw view: the request body exactly as sent and the response events
// as they came (credentials redacted on the server), with a download.


function pretty(text: string | null): string {
  if (text === null) return "(none)";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function RawExchangeButton({ runId }: { runId: string }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<{ exchange?: CapturedExchange; error?: string } | null>(null);
  const url = `/api/runs/${encodeURIComponent(runId)}/raw`;

  const open = async () => {
    dialogRef.current?.showModal();
    setState(null);
    const response = await fetch(url);
    const json = await response.json().catch(() => null);
    setState(response.ok ? { exchange: json as CapturedExchange } : { error: json?.error?.message ?? `HTTP ${response.status}` });
  };

  const exchange = state?.exchange;
  return (
    <>
      <button type="button" data-testid="raw-open" className="text-[11px] text-muted underline" onClick={() => void open()}>
        Raw
      </button>
      <Dialog dialogRef={dialogRef} data-testid="raw-dialog" aria-labelledby={`raw-title-${runId}`} className="max-h-[85dvh] w-[min(56rem,95vw)]">
        <div className="flex items-center justify-between gap-2">
          <h2 id={`raw-title-${runId}`} className="font-semibold">
            Raw request and response
          </h2>
          <span className="flex gap-3 text-xs">
            <a data-testid="raw-download" href={`${url}?download=1`} download className="underline">
              Download JSON
            </a>
            <form method="dialog">
              <button type="submit" className="underline">
                Close
              </button>
            </form>
          </span>
        </div>
        <p className="mt-1 text-xs text-muted">Keys and credential headers are redacted; attachments&apos; base64 is elided with its size.</p>
        {!state && <p className="mt-3 text-xs text-muted">Loading…</p>}
        {state?.error && (
          <p role="alert" data-testid="raw-error" className="mt-3 text-xs text-red-700 dark:text-red-300">
            {state.error}
          </p>
        )}
        {exchange && (
          <div className="mt-3 space-y-3 text-xs">
            <section>
              <h3 className="font-medium">
                Request: <span className="font-mono">{exchange.request.method} {exchange.request.url}</span>
              </h3>
              <pre data-testid="raw-request" className="mt-1 max-h-72 overflow-auto rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-800">
                {pretty(exchange.request.body)}
              </pre>
            </section>
            <section>
              <h3 className="font-medium">
                Response: HTTP {exchange.response.status ?? "?"}
                {exchange.response.events.length > 0 && ` · ${exchange.response.events.length} events`}
                {exchange.truncated && " · cut at 2 MB"}
              </h3>
              <pre data-testid="raw-events" className="mt-1 max-h-72 overflow-auto rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-800">
                {exchange.response.events.length > 0 ? exchange.response.events.map((e) => `data: ${e}`).join("\n") : pretty(exchange.response.body)}
              </pre>
            </section>
          </div>
        )}
      </Dialog>
    </>
  );
}
