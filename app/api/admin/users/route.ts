import { guarded } from "@/lib/auth/guard";
import { listUserRecords } from "@/lib/team/admin-users";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => Response.json(await listUserRecords()));
