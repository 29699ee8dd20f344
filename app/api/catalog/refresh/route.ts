import { guarded } from "@/lib/auth/guard";
import { refreshCatalogAsAdmin } from "@/lib/catalog/refresh/refresh-catalog";

export const dynamic = "force-dynamic";
export const POST = guarded("manage", async (_request, _context, actor) => Response.json({ providers: await refreshCatalogAsAdmin(actor) }));
