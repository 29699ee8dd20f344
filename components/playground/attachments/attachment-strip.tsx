"use client";

import type { Attachment } from "./use-attachments";

type Props = { items: Attachment[]; refusals: Record<string, string>; onRemove: (localId: string) => void; note?: string };

function describeAttachment(a: Attachment): string {
  const info = a.info;
  if (!info) return a.name;
  const dims = info.width && info.height ? ` · ${info.width}×${info.height}` : "";
  const duration = info.durationS != null ? ` · ${info.durationS.toFixed(1)} s` : "";
  return `${info.mediaType}${dims}${duration}`;
}

/** Previews of what will be sent: image thumbnail, video poster frame and duration, progress, remove. */
export function AttachmentStrip({ items, refusals, onRemove, note }: Props) {
  if (items.length === 0) return null;
  return (
    <>
    {note && (
      <p data-testid="attachment-note" className="mb-1 text-xs text-muted">
        {note}
      </p>
    )}
    <div data-testid="attachment-strip" className="mb-2 flex flex-wrap gap-2">
      {items.map((a) => {
        const refusal = refusals[a.localId];
        return (
          <div key={a.localId} data-testid="attachment" data-status={a.status} className="relative w-40 rounded-md border border-zinc-300 bg-zinc-50 p-1 text-[10px] dark:border-zinc-700 dark:bg-zinc-900">
            {a.kind === "image" && <img data-testid="attachment-image" src={a.previewUrl} alt={a.name} className="h-20 w-full rounded object-cover" />}
            {a.kind === "video" && (
              // preload=metadata shows the first frame as a poster without playing.
              <video data-testid="attachment-video" src={`${a.previewUrl}#t=0.1`} preload="metadata" muted className="h-20 w-full rounded bg-black object-cover" />
            )}
            {a.kind === "other" && <div className="flex h-20 items-center justify-center rounded bg-zinc-200 dark:bg-zinc-800">?</div>}
            <p className="mt-1 truncate font-mono" title={a.name}>
              {describeAttachment(a)}
            </p>
            {a.status === "uploading" && (
              <div className="mt-1 h-1 rounded bg-zinc-200 dark:bg-zinc-800">
                <div data-testid="attachment-progress" className="h-1 rounded bg-blue-500" style={{ width: `${Math.round(a.progress * 100)}%` }} />
              </div>
            )}
            {(a.error || refusal) && (
              <p role="alert" data-testid="attachment-error" className="mt-1 text-red-600">
                {a.error ?? refusal}
              </p>
            )}
            <button
              type="button"
              aria-label={`Remove ${a.name}`}
              data-testid="attachment-remove"
              onClick={() => onRemove(a.localId)}
              className="absolute top-1 right-1 rounded-full bg-black/60 px-1.5 text-white hover:bg-black"
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
    </>
  );
}
