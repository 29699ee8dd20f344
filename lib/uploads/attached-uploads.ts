/** A file part's URL as the playground writes it: the upload, optionally reached through a share link. */
export const UPLOAD_URL = /^(?:https?:\/\/[^/]+)?\/api\/uploads\/([0-9a-f]{64})(?:\?share=([A-Za-z0-9_-]{24}))?$/;

/**
 * The uploads a run's messages attach as file parts. Ids that only appear in
 * text (a prompt that mentions someone's upload URL) are not attachments and
 * never make a file travel with the run.
 */
export function attachedUploadIds(messages: unknown[]): string[] {
  const ids = new Set<string>();
  for (const message of messages) {
    const parts = (message as { parts?: unknown } | null)?.parts;
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const { type, url } = (part ?? {}) as { type?: unknown; url?: unknown };
      if (type !== "file" || typeof url !== "string") continue;
      const id = url.match(UPLOAD_URL)?.[1];
      if (id) ids.add(id);
    }
  }
  return [...ids];
}
