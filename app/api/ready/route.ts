import { handleReady } from "@/lib/http/handle-ready";

export const dynamic = "force-dynamic";
export const GET = handleReady;
