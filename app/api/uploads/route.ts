import { withErrors } from "@/lib/http/with-errors";
import { handleUpload } from "@/lib/uploads/handle-upload";

export const dynamic = "force-dynamic";
export const POST = withErrors(handleUpload);
