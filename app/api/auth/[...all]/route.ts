import { handleAuthRequest } from "@/lib/auth/auth-route";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const GET = withErrors(handleAuthRequest);
export const POST = withErrors(handleAuthRequest);
