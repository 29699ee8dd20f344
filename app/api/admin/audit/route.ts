import { guarded } from "@/lib/auth/guard";
import { listAuditRecords } from "@/lib/team/audit-query";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async (request) => Response.json(await listAuditRecords(new URL(request.url))));
