import type { Attachment } from "./attachments/use-attachments";
import type { PlaygroundMessage } from "./message-item";
import type { PlaygroundDraft } from "./use-playground-settings";

// The playground's state in this tab (target, parameters, system prompt,
// conversation, unsent text and uploaded attachments), kept in sessionStorage
// so a reload, a crash of the tab's page or a visit elsewhere and back brings
// it all back. Each tab keeps its own; a new tab starts fresh.

const KEY = "playground:tab-draft:v1";

export type TabDraft = PlaygroundDraft & {
  messages: PlaygroundMessage[];
  conversationId: string;
  text: string;
  attachments: Attachment[];
};

export function readTabDraft(): TabDraft | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const draft = raw ? (JSON.parse(raw) as TabDraft) : null;
    return draft && typeof draft.provider === "string" && Array.isArray(draft.messages) ? draft : null;
  } catch {
    return null;
  }
}

export function saveTabDraft(draft: TabDraft): void {
  // Only finished uploads come back: their bytes are on the server. A local preview URL dies with the page.
  const attachments = draft.attachments.filter((a) => a.status === "ready" && a.info).map((a) => ({ ...a, previewUrl: `/api/uploads/${a.info!.id}` }));
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...draft, attachments }));
  } catch {
    // Storage full or disabled: the conversation's runs are still on the server.
  }
}

export function newConversationId(): string {
  return crypto.randomUUID();
}
