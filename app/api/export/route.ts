import { handleExport } from "@/lib/bundle/transfer-runs";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const GET = withErrors(handleExport);
