import { getPublicCatalog } from "@/lib/catalog/public-catalog";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const GET = withErrors(async () => Response.json(await getPublicCatalog()));
