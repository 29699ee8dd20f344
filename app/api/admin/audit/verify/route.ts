import { guarded } from "@/lib/auth/guard";
import { verifyAuditChain } from "@/lib/team/audit";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => Response.json(await verifyAuditChain()));
