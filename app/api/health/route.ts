import { handleHealth } from "@/lib/http/handle-health";

export const dynamic = "force-dynamic";
export const GET = handleHealth;
