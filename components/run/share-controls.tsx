"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Props = {
  runId: string;
  initialShareId: string | null;
  initialVisibility: "private" | "team";
  /** The instance's public origin (PUBLIC_URL, or the address the page was opened at). */
  shareOrigin: string;
  inComparison: boolean;
};

/** Who sees a run: its author only, the whole team, or anyone with a link. Only the author sees these controls. */
export function ShareControls({ runId, initialShareId, initialVisibility, shareOrigin, inComparison }: Props) {
  const [shareId, setShareId] = useState(initialShareId);
  const [visibility, setVisibility] = useState(initialVisibility);
  const [error, setError] = useState<string | null>(null);
  const url = shareId ? `${shareOrigin}/r/${shareId}` : null;

  const call = async (path: string, init: RequestInit) => {
    setError(null);
    const response = await fetch(path, init);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      setError(body?.error?.message ?? `HTTP ${response.status}`);
      return null;
    }
    return body;
  };

  const share = async (method: "POST" | "DELETE") => {
    const body = await call(`/api/runs/${runId}/share`, { method });
    if (body) setShareId(method === "POST" ? body.shareId : null);
  };

  const toggleTeam = async () => {
    const next = visibility === "team" ? "private" : "team";
    const body = await call(`/api/runs/${runId}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ visibility: next }) });
    if (body) setVisibility(next);
  };

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <Button size="sm" data-testid="share-team" aria-pressed={visibility === "team"} onClick={() => void toggleTeam()}>
        {visibility === "team" ? `Shared with the team${inComparison ? " (whole comparison)" : ""} · make private` : `Share with the team${inComparison ? " (whole comparison)" : ""}`}
      </Button>
      {url ? (
        <>
          <label className="sr-only" htmlFor={`share-url-${runId}`}>
            Public share link
          </label>
          <Input size="xs" id={`share-url-${runId}`} data-testid="share-url" readOnly value={url} className="w-96 px-2 font-mono" onFocus={(e) => e.target.select()} />
          <Button size="sm" onClick={() => void navigator.clipboard?.writeText(url)}>
            Copy
          </Button>
          <Button size="sm" variant="danger" data-testid="share-revoke" onClick={() => void share("DELETE")}>
            Revoke link
          </Button>
        </>
      ) : (
        <Button size="sm" data-testid="share-create" onClick={() => void share("POST")}>
          Share by link
        </Button>
      )}
      {error && (
        <span role="alert" className="text-red-600">
          {error}
        </span>
      )}
    </div>
  );
}
