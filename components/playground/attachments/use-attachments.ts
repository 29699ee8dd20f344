"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Offering } from "@/lib/catalog/schema";
import { deliveryFor } from "@/lib/uploads/delivery";
import type { UploadKind, UploadLimits } from "@/lib/uploads/upload-limits";
import { tooLargeMessage } from "@/lib/uploads/upload-limits";

export type UploadInfo = { id: string; mediaType: string; size: number; width?: number; height?: number; durationS?: number };

export type Attachment = {
  localId: string;
  name: string;
  kind: UploadKind | "other";
  previewUrl: string;
  status: "uploading" | "ready" | "error";
  progress: number;
  info?: UploadInfo;
  error?: string;
};

function kindOf(file: File): Attachment["kind"] {
  if (file.type.startsWith("image/")) return "image";
  if (file.type.startsWith("video/")) return "video";
  return "other";
}

/** Send with progress (fetch cannot report upload progress; XMLHttpRequest can). */
function sendWithProgress(method: string, url: string, body: XMLHttpRequestBodyInit, headers: Record<string, string>, onProgress: (fraction: number) => void): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new Error(`upload failed: ${new URL(url, location.href).host} could not be reached`));
    xhr.send(body);
  });
}

async function jsonOrError<T>(response: { status: number; text: string }): Promise<T> {
  let body: { error?: { message?: string } } | undefined;
  try {
    body = JSON.parse(response.text);
  } catch {
    /* not JSON */
  }
  if (response.status >= 200 && response.status < 300 && body) return body as T;
  throw new Error(body?.error?.message ?? `upload failed (HTTP ${response.status})`);
}

/** Over Vercel's 4.5 MB request limit a file must not pass through the server. */
const DIRECT_UPLOAD_OVER_BYTES = 4 * 1024 * 1024;

type DirectTarget = { token: string; url: string; method: string; headers: Record<string, string> };

/**
 * A large file goes straight to the store when the server has one (S3, Vercel Blob):
 * a signed PUT, then the server checks what arrived. Local disk answers 409: post it instead.
 */
async function uploadDirect(file: File, onProgress: (fraction: number) => void): Promise<UploadInfo | null> {
  const start = await fetch("/api/uploads/direct", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mediaType: file.type, size: file.size }) });
  if (start.status === 409) return null;
  const target = await jsonOrError<DirectTarget>({ status: start.status, text: await start.text() });
  const put = await sendWithProgress(target.method, target.url, file, target.headers, (f) => onProgress(f * 0.95));
  if (put.status < 200 || put.status >= 300) throw new Error(`upload failed: the store answered HTTP ${put.status}`);
  const done = await fetch("/api/uploads/direct/complete", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: target.token }) });
  return jsonOrError<UploadInfo>({ status: done.status, text: await done.text() });
}

async function upload(file: File, onProgress: (fraction: number) => void): Promise<UploadInfo> {
  if (file.size > DIRECT_UPLOAD_OVER_BYTES) {
    const direct = await uploadDirect(file, onProgress);
    if (direct) return direct;
  }
  const form = new FormData();
  form.append("file", file);
  return jsonOrError<UploadInfo>(await sendWithProgress("POST", "/api/uploads", form, {}, onProgress));
}

/** `initial`: uploaded attachments restored with the tab's draft (served from /api/uploads). */
export function useAttachments(limits: UploadLimits, initial: Attachment[] = []) {
  const [items, setItems] = useState<Attachment[]>(initial);
  const urls = useRef(new Set<string>());
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const update = useCallback((localId: string, patch: Partial<Attachment>) => setItems((all) => all.map((a) => (a.localId === localId ? { ...a, ...patch } : a))), []);

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const localId = crypto.randomUUID();
        const kind = kindOf(file);
        const previewUrl = URL.createObjectURL(file);
        urls.current.add(previewUrl);
        const base: Attachment = { localId, name: file.name, kind, previewUrl, status: "uploading", progress: 0 };
        // Checked here so the user hears it at once; the server decides from the bytes anyway.
        const tooBig = kind !== "other" && file.size > limits[kind];
        if (tooBig) {
          setItems((all) => [...all, { ...base, status: "error", error: tooLargeMessage(kind, limits[kind], file.size) }]);
          continue;
        }
        setItems((all) => [...all, base]);
        upload(file, (progress) => update(localId, { progress }))
          .then((info) => update(localId, { status: "ready", progress: 1, info, kind: info.mediaType.startsWith("video/") ? "video" : "image" }))
          .catch((error: Error) => update(localId, { status: "error", error: error.message }));
      }
    },
    [limits, update],
  );

  const remove = (localId: string) =>
    setItems((all) => {
      const gone = all.find((a) => a.localId === localId);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return all.filter((a) => a.localId !== localId);
    });

  return { items, add, remove, clear: () => setItems([]) };
}

/** The uploaded attachments as message file parts (what a send carries). */
export function readyFileParts(items: Attachment[]): { type: "file"; mediaType: string; url: string; filename: string }[] {
  return items.filter((a) => a.status === "ready" && a.info).map((a) => ({ type: "file" as const, mediaType: a.info!.mediaType, url: `/api/uploads/${a.info!.id}`, filename: a.name }));
}

/** Why an attachment cannot be sent to these targets (by local id); explained, never dropped. */
export function attachmentRefusals(items: Attachment[], targets: { name: string; offering: Pick<Offering, "capabilities" | "label"> }[]): Record<string, string> {
  const refusals: Record<string, string> = {};
  for (const a of items) {
    if (a.kind === "other") {
      refusals[a.localId] = "Not an image or video.";
      continue;
    }
    const refusing = targets.find((t) => !deliveryFor(t.offering, a.kind as UploadKind));
    if (refusing) refusals[a.localId] = `${refusing.name} ${refusing.offering.label} does not accept ${a.kind === "image" ? "images" : "video"}: remove it or pick another provider.`;
  }
  return refusals;
}
