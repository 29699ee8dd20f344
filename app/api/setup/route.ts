import { handleSetup } from "@/lib/auth/setup-owner";
import { refuseCrossSite } from "@/lib/auth/guard";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const POST = withErrors(async (request: Request) => {
  refuseCrossSite(request);
  return handleSetup(request);
});
