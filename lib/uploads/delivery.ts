import type { Offering } from "@/lib/catalog/schema";

/** How an offering takes an attachment: inline as itself, as sampled frames, or not at all. */
export type Delivery = "inline" | "frames" | null;

export function deliveryFor(offering: Pick<Offering, "capabilities">, kind: "image" | "video"): Delivery {
  const accepts = offering.capabilities.inputModalities;
  if (kind === "image") return accepts.includes("image") ? "inline" : null;
  if (accepts.includes("video")) return "inline";
  return accepts.includes("image") && offering.capabilities.features.includes("video_as_frames") ? "frames" : null;
}
