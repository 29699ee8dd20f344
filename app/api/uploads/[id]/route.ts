import { withErrors } from "@/lib/http/with-errors";
import { serveUploadFor } from "@/lib/uploads/serve-upload-route";

export const dynamic = "force-dynamic";
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => serveUploadFor(request, (await context.params).id));
