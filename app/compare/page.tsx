import { CompareView } from "@/components/compare/compare-view";
import { getPublicCatalog } from "@/lib/catalog/public-catalog";
import { parseTargets } from "@/lib/compare/targets";
import { readUploadLimits } from "@/lib/uploads/upload-limits";

export const dynamic = "force-dynamic";

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return <CompareView catalog={await getPublicCatalog()} uploadLimits={readUploadLimits()} initialTargets={parseTargets(one(query.t))} groupId={one(query.group) ?? null} />;
}
