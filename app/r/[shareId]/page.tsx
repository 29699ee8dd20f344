import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunHeader } from "@/components/run/run-header";
import { RunTranscript } from "@/components/run/run-transcript";
import { loadShared } from "@/lib/share/share-runs";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ shareId: string }> };

function firstWords(text: string, n = 20): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(" ") + (words.length > n ? "…" : "");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await loadShared((await params).shareId);
  if (!shared) return { title: "Not found" };
  const first = shared.runs[0]!;
  const prompt = (first.messages as { role: string; parts: { type: string; text?: string }[] }[]).filter((m) => m.role === "user").flatMap((m) => m.parts.map((p) => p.text ?? "")).join(" ");
  const title = shared.kind === "comparison" ? `Comparison of ${shared.runs.length} targets` : `${first.provider} · ${first.model}`;
  const description = firstWords(prompt || first.output.text);
  return { title: `${title} · LLM Playground`, description, openGraph: { title, description, type: "article" }, twitter: { card: "summary", title, description }, robots: { index: false } };
}

export default async function SharedPage({ params }: Props) {
  const { shareId } = await params;
  const shared = await loadShared(shareId);
  if (!shared) notFound();
  return (
    <main className="mx-auto max-w-7xl space-y-3 p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-sm font-semibold">{shared.kind === "comparison" ? "Shared comparison" : "Shared run"} (read-only)</h1>
        <a data-testid="open-in-playground" href={`/?fork=${shareId}`} className="rounded-md bg-zinc-900 px-3 py-1.5 text-xs font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Open in playground
        </a>
      </header>
      <div data-testid="shared-runs" className={shared.kind === "comparison" ? "grid gap-3 md:grid-cols-2 xl:grid-cols-3" : ""}>
        {shared.runs.map((record, i) => (
          <section key={i} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <RunHeader record={record} />
            <RunTranscript record={record} shared />
          </section>
        ))}
      </div>
    </main>
  );
}
