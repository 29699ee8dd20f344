import { refuseCrossSite } from "@/lib/auth/guard";
import { clientAddress } from "@/lib/http/client-address";
import { readJson, withErrors } from "@/lib/http/with-errors";
import { acceptInvite } from "@/lib/team/invites";

export const dynamic = "force-dynamic";
export const POST = withErrors(async (request: Request, context: { params: Promise<{ token: string }> }) => {
  refuseCrossSite(request);
  const result = await acceptInvite((await context.params).token, await readJson(request), clientAddress(request.headers));
  return Response.json(result, { status: 201 });
});
