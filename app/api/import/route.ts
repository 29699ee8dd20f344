import { handleImport } from "@/lib/bundle/transfer-runs";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const POST = withErrors(handleImport);
