import { AdminView } from "@/components/admin/admin-view";
import { requirePageActor } from "@/lib/auth/page-actor";
import { isAdmin } from "@/lib/auth/policy";
import { getPublicCatalog } from "@/lib/catalog/public-catalog";
import { readsAllContent } from "@/lib/runs/run-access";

export const metadata = { title: "Admin · LLM Playground" };

export default async function AdminPage() {
  const actor = await requirePageActor("/admin");
  if (!isAdmin(actor.role)) {
    return (
      <main className="mx-auto max-w-xl p-4">
        <h1 className="text-lg font-semibold">Admin</h1>
        <p role="alert" data-testid="admin-forbidden" className="text-sm">
          Only admins and the owner manage this playground. Your role is {actor.role}.
        </p>
      </main>
    );
  }
  const catalog = await getPublicCatalog();
  const offerings = catalog.offerings.map((o) => ({ key: `${o.provider}/${o.providerModelId}`, label: `${catalog.providers.find((p) => p.id === o.provider)?.name ?? o.provider} · ${o.label}` }));
  return <AdminView me={{ id: actor.id, role: actor.role }} offerings={offerings} canDownloadBackup={actor.role === "owner" || readsAllContent(actor)} />;
}
