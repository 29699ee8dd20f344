import "server-only";
import { uploadInShare, uploadVisibleTo } from "@/db/team-queries";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { readsAllContent } from "@/lib/runs/run-access";
import { SHARE_ID } from "@/lib/share/share-runs";
import { serveUpload } from "./serve-upload";

/**
 * GET /api/uploads/:id: for a visitor of a share link (?share=), the files of
 * that shared run; otherwise for a signed-in user, their own files and those
 * of runs they can read.
 */
export async function serveUploadFor(request: Request, id: string): Promise<Response> {
  const share = new URL(request.url).searchParams.get("share");
  if (share !== null && SHARE_ID.test(share)) {
    return serveUpload(id, (uploadId) => uploadInShare(uploadId, share));
  }
  const actor = await requireActor(request);
  requirePermission(actor, "read");
  return serveUpload(id, (uploadId) => uploadVisibleTo(uploadId, actor.id, readsAllContent(actor)));
}
