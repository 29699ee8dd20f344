import { guarded } from "@/lib/auth/guard";
import { auditJsonlResponse } from "@/lib/team/audit-query";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => auditJsonlResponse());
