"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Make or revoke the run's share link. */
export function ShareControls({ runId, initialShareId }: { runId: string; initialShareId: string | null }) {
  const [shareId, setShareId] = useState(initialShareId);
  const [error, setError] = useState<string | null>(null);
  const url = shareId ? `${typeof window === "undefined" ? "" : window.location.origin}/r/${shareId}` : null;

  const call = async (method: "POST" | "DELETE") => {
    setError(null);
    const response = await fetch(`/api/runs/${runId}/share`, { method });
    const body = await response.json();
    if (!response.ok) return setError(body?.error?.message ?? `HTTP ${response.status}`);
    setShareId(method === "POST" ? body.shareId : null);
  };

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      {url ? (
        <>
          <input data-testid="share-url" readOnly value={url} className="w-96 rounded border border-zinc-300 px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900" onFocus={(e) => e.target.select()} />
          <Button size="sm" onClick={() => void navigator.clipboard?.writeText(url)}>
            Copy
          </Button>
          <Button size="sm" variant="danger" data-testid="share-revoke" onClick={() => void call("DELETE")}>
            Revoke link
          </Button>
        </>
      ) : (
        <Button size="sm" data-testid="share-create" onClick={() => void call("POST")}>
          Share by link
        </Button>
      )}
      {error && <span className="text-red-600">{error}</span>}
    </div>
  );
}
