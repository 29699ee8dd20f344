import { KeysView } from "@/components/keys/keys-view";
import { requirePageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/policy";
import { getCatalogFor } from "@/lib/catalog/catalog-for-actor";
import { publicOrigin } from "@/lib/http/client-address";
import { headers } from "next/headers";

export const metadata = { title: "API keys · LLM Playground" };

export default async function KeysPage() {
  const actor = await requirePageActor("/keys");
  const catalog = await getCatalogFor(actor);
  const providers = catalog.providers.filter((p) => p.configured).map((p) => ({ id: p.id, name: p.name }));
  return <KeysView providers={providers} baseUrl={`${publicOrigin(await headers())}/api/v1`} canCreate={can(actor.role, "run")} />;
}
