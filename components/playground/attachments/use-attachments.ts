"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Offering } from "@/lib/catalog/schema";
import { deliveryFor } from "@/lib/uploads/delivery";
import type { UploadKind, UploadLimits } from "@/lib/uploads/upload-limits";
import { formatBytes } from "@/lib/uploads/upload-limits";

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

/** Upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
function upload(file: File, onProgress: (fraction: number) => void): Promise<UploadInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadInfo);
        else reject(new Error(body?.error?.message ?? `upload failed (HTTP ${xhr.status})`));
      } catch {
        reject(new Error(`upload failed (HTTP ${xhr.status})`));
      }
    };
    xhr.onerror = () => reject(new Error("upload failed: the server could not be reached"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export function useAttachments(limits: UploadLimits) {
  const [items, setItems] = useState<Attachment[]>([]);
  const urls = useRef(new Set<string>());
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const update = (localId: string, patch: Partial<Attachment>) => setItems((all) => all.map((a) => (a.localId === localId ? { ...a, ...patch } : a)));

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
          setItems((all) => [...all, { ...base, status: "error", error: `${kind === "image" ? "Images" : "Videos"} may be at most ${formatBytes(limits[kind])}; this one is ${formatBytes(file.size)}.` }]);
          continue;
        }
        setItems((all) => [...all, base]);
        upload(file, (progress) => update(localId, { progress }))
          .then((info) => update(localId, { status: "ready", progress: 1, info, kind: info.mediaType.startsWith("video/") ? "video" : "image" }))
          .catch((error: Error) => update(localId, { status: "error", error: error.message }));
      }
    },
    [limits],
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
