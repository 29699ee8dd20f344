import { refreshCatalog } from "@/lib/catalog/refresh/refresh-catalog";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const POST = withErrors(async () => Response.json({ providers: await refreshCatalog() }));
