import { PlaygroundSession } from "@/components/playground/playground-session";
import type { StartingDraft } from "@/components/playground/playground";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getCatalogFor } from "@/lib/catalog/catalog-for-actor";
import { recordToMessages } from "@/components/run/record-messages";
import { loadShared } from "@/lib/share/share-runs";
import { getRunRecord } from "@/lib/runs/read-runs";
import type { Actor } from "@/lib/auth/actor";
import { readEnv } from "@/lib/env";

// Provider availability depends on the server's environment at request time.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "Continue" on one of your runs (history, the conversation list): its conversation, to go on from. */
async function draftFromRun(runId: string, actor: Actor): Promise<StartingDraft | null> {
  const record = await getRunRecord(runId, actor).catch(() => null);
  if (!record || record.contentHidden) return null;
  const own = record.userId === actor.id;
  return {
    provider: record.provider,
    model: record.model,
    params: record.params,
    system: record.system ?? "",
    messages: recordToMessages(record),
    origin: own ? "run" : "shared",
    // Your own run continues its conversation; a teammate's starts a new one of yours.
    conversationId: own ? (record.conversationId ?? null) : null,
  };
}

/** "Open in playground" from a shared page: a new draft with the same target, parameters and messages. The shared run is never changed. */
async function draftFromShare(shareId: string): Promise<StartingDraft | null> {
  const shared = await loadShared(shareId);
  const source = shared?.runs[shared.shared];
  return source ? { provider: source.provider, model: source.model, params: source.params, system: source.system ?? "", messages: recordToMessages(source), origin: "shared" } : null;
}

export default async function PlaygroundPage({ searchParams }: Props) {
  const actor = await requirePageActor("/");
  const { fork, run } = await searchParams;
  const draft = typeof run === "string" ? await draftFromRun(run, actor) : typeof fork === "string" ? await draftFromShare(fork) : null;
  return <PlaygroundSession catalog={await getCatalogFor(actor)} uploadLimits={readEnv().uploadLimits} draft={draft} />;
}
