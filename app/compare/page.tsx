import { CompareView } from "@/components/compare/compare-view";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getCatalogFor } from "@/lib/catalog/catalog-for-actor";
import { parseTargets } from "@/lib/compare/targets";
import { readEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/compare");
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return <CompareView catalog={await getCatalogFor(actor)} uploadLimits={readEnv().uploadLimits} initialTargets={parseTargets(one(query.t))} groupId={one(query.group) ?? null} />;
}
