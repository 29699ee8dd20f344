import { Playground } from "@/components/playground/playground";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getCatalogFor } from "@/lib/catalog/catalog-for-actor";
import { recordToMessages } from "@/components/run/record-messages";
import { loadShared } from "@/lib/share/share-runs";
import { readUploadLimits } from "@/lib/uploads/upload-limits";

// Provider availability depends on the server's environment at request time.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlaygroundPage({ searchParams }: Props) {
  const actor = await requirePageActor("/");
  const fork = (await searchParams).fork;
  // "Open in playground" from a shared page: a new draft with the same target,
  // parameters and messages. The shared run itself is never changed.
  const shared = typeof fork === "string" ? await loadShared(fork) : null;
  const source = shared?.runs.find((r) => r.id === shared.sharedRunId) ?? shared?.runs[0];
  const draft = source ? { provider: source.provider, model: source.model, params: source.params, system: source.system ?? "", messages: recordToMessages(source) } : null;
  return <Playground catalog={await getCatalogFor(actor)} uploadLimits={readUploadLimits()} draft={draft} />;
}
