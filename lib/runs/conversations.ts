import "server-only";
import { listConversations } from "@/db/queries";
import type { Actor } from "@/lib/auth/actor";

// The playground's conversation list: every conversation a person had, from
// their runs (a run names its conversation, and the latest one holds it all).
// Reopening one loads that latest run into the playground to continue.

export type ConversationSummary = { conversationId: string; runId: string; title: string; provider: string; model: string; status: string; turns: number; updatedAt: string };

const TITLE_CHARS = 80;

function firstUserText(messages: unknown[]): string {
  for (const message of messages as { role?: string; parts?: { type?: string; text?: unknown }[] }[]) {
    if (message?.role !== "user") continue;
    const text = (message.parts ?? []).map((p) => (p?.type === "text" && typeof p.text === "string" ? p.text : "")).join(" ").trim();
    if (text) return text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1)}…` : text;
    return "(attachments only)";
  }
  return "(empty)";
}

export async function conversationsFor(actor: Actor, limit = 50): Promise<ConversationSummary[]> {
  const heads = await listConversations(actor.id, limit);
  return heads.map((head) => ({
    conversationId: head.conversationId!,
    runId: head.id,
    title: firstUserText(head.messages),
    provider: head.provider,
    model: head.model,
    status: head.status,
    turns: (head.messages as { role?: string }[]).filter((m) => m?.role === "user").length,
    updatedAt: head.createdAt.toISOString(),
  }));
}
