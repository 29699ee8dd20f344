import { withErrors } from "@/lib/http/with-errors";
import { serveUpload } from "@/lib/uploads/serve-upload";

export const dynamic = "force-dynamic";
export const GET = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => serveUpload((await context.params).id));
