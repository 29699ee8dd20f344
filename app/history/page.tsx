import { HistoryView } from "@/components/history/history-view";
import { listUsers } from "@/db/team-queries";
import { requirePageActor } from "@/lib/auth/page-actor";
import { isAdmin } from "@/lib/auth/policy";
import { getCatalogFor } from "@/lib/catalog/catalog-for-actor";

export const dynamic = "force-dynamic";

export default async function HistoryPage() {
  const actor = await requirePageActor("/history");
  // Admins filter history by person; everyone else sees their own and the team's runs.
  const users = isAdmin(actor.role) ? (await listUsers()).map((u) => ({ id: u.id, name: u.name })) : [];
  return <HistoryView catalog={await getCatalogFor(actor)} users={users} />;
}
