"use client";

import { useRef, useState } from "react";
import { useViewer } from "@/components/auth/viewer-context";
import { BudgetNote } from "@/components/auth/budget-note";
import { Button } from "@/components/ui/button";
import { formatBytes, type UploadLimits } from "@/lib/uploads/upload-limits";
import { AttachmentStrip } from "./attachments/attachment-strip";
import type { Attachment } from "./attachments/use-attachments";
import { Textarea } from "@/components/ui/textarea";

const ACCEPT = "image/png,image/jpeg,image/webp,image/gif,video/mp4,video/webm,video/quicktime";

type Props = {
  /** The chosen offering is the built-in simulator: not billed, outside budgets. */
  simulated?: boolean;
  busy: boolean;
  blockedReason: string | null;
  attachments: Attachment[];
  /** Why the chosen offering cannot take an attachment, by its local id. */
  refusals: Record<string, string>;
  limits: UploadLimits;
  onAddFiles: (files: File[]) => void;
  onRemoveAttachment: (localId: string) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  /** The message as it is being typed (view code shows the draft too). */
  onTextChange?: (text: string) => void;
  /** What happens to attachments on the chosen offering(s), where it is not obvious. */
  attachmentNote?: string;
  /** The unsent text a restored draft had. */
  initialText?: string;
};

function attachmentBlock(attachments: Attachment[], refusals: Record<string, string>): string | null {
  if (attachments.some((a) => a.status === "uploading")) return "Waiting for uploads to finish…";
  if (attachments.some((a) => a.status === "error" || refusals[a.localId])) return "Remove the attachments that cannot be sent.";
  return null;
}

export function Composer({ busy, simulated, blockedReason, attachments, refusals, limits, onAddFiles, onRemoveAttachment, onSend, onStop, onTextChange, attachmentNote, initialText = "" }: Props) {
  const [text, setTextState] = useState(initialText);
  const setText = (value: string) => {
    setTextState(value);
    onTextChange?.(value);
  };
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const viewer = useViewer();
  const mayRun = viewer?.can.run ?? true;
  const mayUpload = viewer?.can.upload ?? true;
  const roleReason = mayRun ? null : `Your role (${viewer?.role}) can read runs and costs but not start runs.`;
  const reason = roleReason ?? blockedReason ?? attachmentBlock(attachments, refusals);
  const canSend = !busy && !reason && text.trim().length > 0;
  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText("");
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for files; the attach button is the keyboard way in
    <div
      data-testid="composer"
      data-dragging={dragging}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (e.dataTransfer.files.length && mayUpload) onAddFiles([...e.dataTransfer.files]);
      }}
      className={`border-t border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900 ${dragging ? "outline-2 outline-dashed outline-blue-500" : ""}`}
    >
      <AttachmentStrip items={attachments} refusals={refusals} onRemove={onRemoveAttachment} note={attachmentNote} />
      <Textarea
        id="composer-input"
        data-testid="composer-input"
        aria-label="Message"
        value={text}
        rows={3}
        placeholder="Write a message… (Ctrl/⌘ + Enter to send; drop or paste images and video)"
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => {
          const files = [...e.clipboardData.files];
          if (files.length && mayUpload) {
            e.preventDefault();
            onAddFiles(files);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
        className="resize-y"
      />
      <div className="mt-2 flex items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT}
            data-testid="file-input"
            className="hidden"
            onChange={(e) => {
              if (e.target.files?.length) onAddFiles([...e.target.files]);
              e.target.value = "";
            }}
          />
          <Button size="sm" variant="ghost" data-testid="attach-button" disabled={!mayUpload} onClick={() => picker.current?.click()}>
            + Attach
          </Button>
          <span data-testid="upload-limits" className="text-[11px] text-muted">
            PNG, JPEG, WebP, GIF up to {formatBytes(limits.image)}; MP4, WebM, MOV up to {formatBytes(limits.video)}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <BudgetNote busy={busy} simulated={simulated} />
          <p data-testid="composer-blocked" className="text-xs text-red-600">
            {reason}
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
    </div>
  );
}
