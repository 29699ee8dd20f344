import { HistoryView } from "@/components/history/history-view";
import { getPublicCatalog } from "@/lib/catalog/public-catalog";

export const dynamic = "force-dynamic";

export default async function HistoryPage() {
  return <HistoryView catalog={await getPublicCatalog()} />;
}
