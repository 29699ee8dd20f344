import { guarded } from "@/lib/auth/guard";
import { getCatalogFor } from "@/lib/catalog/catalog-for-actor";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (_request, _context, actor) => Response.json(await getCatalogFor(actor)));
