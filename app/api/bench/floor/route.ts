import { floorRoute } from "@/lib/bench/bench-routes";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const POST = withErrors(floorRoute);
