import { Playground } from "@/components/playground/playground";
import { getPublicCatalog } from "@/lib/catalog/public-catalog";
import { readUploadLimits } from "@/lib/uploads/upload-limits";

// Provider availability depends on the server's environment at request time.
export const dynamic = "force-dynamic";

export default async function PlaygroundPage() {
  return <Playground catalog={await getPublicCatalog()} uploadLimits={readUploadLimits()} />;
}
