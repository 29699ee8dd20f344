import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { publicOrigin } from "@/lib/http/client-address";
import { RunHeader } from "@/components/run/run-header";
import { RunTranscript } from "@/components/run/run-transcript";
import { ViewCode } from "@/components/code/view-code";
import { ShareControls } from "@/components/run/share-controls";
import { getPublicCatalog } from "@/lib/catalog/public-catalog";
import { codeRequestFor } from "@/lib/code/code-request";
import { getRunRecord } from "@/lib/runs/read-runs";
import { requirePageActor } from "@/lib/auth/page-actor";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/runs/${encodeURIComponent(id)}`);
  const record = await getRunRecord(id, actor).catch(() => null);
  if (!record) notFound();
  const catalog = await getPublicCatalog();
  const provider = catalog.providers.find((p) => p.id === record.provider);
  const offering = catalog.offerings.find((o) => o.provider === record.provider && o.providerModelId === record.model);
  const code = provider && offering && !record.contentHidden ? codeRequestFor(provider, offering, record.params, record.messages as never, record.system) : null;
  return (
    <main className="mx-auto max-w-4xl space-y-3 p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-sm font-semibold">
          Run {record.id.slice(0, 8)}
          {record.author && record.userId !== actor.id ? <span className="ml-2 font-normal text-muted">by {record.author.name}</span> : null}
          {record.apiKeyName ? <span data-testid="run-api" className="ml-2 rounded bg-blue-100 px-1 font-normal text-blue-900 dark:bg-blue-950 dark:text-blue-200">API · {record.apiKeyName}</span> : null}
          {record.visibility === "team" ? <span className="ml-2 rounded bg-zinc-200 px-1 font-normal dark:bg-zinc-800">team</span> : null}
        </h1>
        <nav className="flex gap-3 text-xs text-muted underline">
          <a href="/">Playground</a>
          <a href="/compare">Compare</a>
        </nav>
      </header>
      <RunHeader record={record} />
      <div className="flex flex-wrap items-start gap-2">
        {record.userId === actor.id && <ShareControls runId={record.id} initialShareId={record.shareId} initialVisibility={record.visibility} shareOrigin={publicOrigin(await headers())} inComparison={Boolean(record.compareGroupId)} />}
        {code && <ViewCode request={code} />}
        {!record.contentHidden && !record.compareGroupId && (
          <a data-testid="continue-in-playground" href={`/?run=${encodeURIComponent(record.id)}`} className="rounded-md bg-zinc-900 px-3 py-1.5 text-xs font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
            {record.userId === actor.id ? "Continue in playground" : "Open in playground"}
          </a>
        )}
      </div>
      {record.contentHidden ? (
        <p data-testid="content-hidden" className="rounded-md border border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          This run is private to its author. As an admin you see its numbers and cost, not its text.
        </p>
      ) : (
        <RunTranscript record={record} />
      )}
    </main>
  );
}
