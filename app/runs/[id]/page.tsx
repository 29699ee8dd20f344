import { notFound } from "next/navigation";
import { RunHeader } from "@/components/run/run-header";
import { RunTranscript } from "@/components/run/run-transcript";
import { ViewCode } from "@/components/code/view-code";
import { ShareControls } from "@/components/run/share-controls";
import { findOffering, findProvider } from "@/lib/catalog";
import type { ProviderId } from "@/lib/catalog/schema";
import { getCatalog } from "@/lib/catalog/public-catalog";
import { codeRequestFor } from "@/lib/code/code-request";
import { getRunRecord } from "@/lib/runs/read-runs";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const record = await getRunRecord((await params).id).catch(() => null);
  if (!record) notFound();
  const catalog = await getCatalog();
  const provider = findProvider(catalog, record.provider as ProviderId);
  const offering = findOffering(catalog, record.provider as ProviderId, record.model);
  const code = provider && offering ? codeRequestFor(provider, offering, record.params, record.messages as never, record.system) : null;
  return (
    <main className="mx-auto max-w-4xl space-y-3 p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-sm font-semibold">Run {record.id.slice(0, 8)}</h1>
        <nav className="flex gap-3 text-xs text-zinc-500 underline">
          <a href="/">Playground</a>
          <a href="/compare">Compare</a>
        </nav>
      </header>
      <RunHeader record={record} />
      <div className="flex flex-wrap items-start gap-2">
        <ShareControls runId={record.id} initialShareId={record.shareId} />
        {code && <ViewCode request={code} />}
      </div>
      <RunTranscript record={record} />
    </main>
  );
}
