// A compare target is one provider + provider model id. The URL carries them
// (?t=provider::model,provider::model), so a comparison can be shared before it runs.

export type Target = { provider: string; model: string };

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 6;

export function targetKey(t: Target): string {
  return `${t.provider}::${t.model}`;
}

export function parseTargets(param: string | null | undefined): Target[] {
  if (!param) return [];
  return param
    .split(",")
    .map((part) => {
      const at = part.indexOf("::");
      if (at <= 0) return null;
      try {
        return { provider: decodeURIComponent(part.slice(0, at)), model: decodeURIComponent(part.slice(at + 2)) };
      } catch {
        return null;
      }
    })
    .filter((t): t is Target => t !== null && t.model.length > 0)
    .slice(0, MAX_COLUMNS);
}

export function serializeTargets(targets: Target[]): string {
  // "::" and "," stay readable; the model id is encoded (it may hold "/" or ":").
  return targets.map((t) => `${encodeURIComponent(t.provider)}::${encodeURIComponent(t.model)}`).join(",");
}

/** The shareable address of a comparison: its targets, and its stored group once it has runs. */
export function compareUrl(targets: Target[], groupId?: string | null): string {
  return `/compare?t=${serializeTargets(targets)}${groupId ? `&group=${encodeURIComponent(groupId)}` : ""}`;
}

/** Repeat mode's runs share a group of their own per batch, so history lists a batch apart from the comparison. */
const REPEAT_BATCH_PREFIX = "repeat-";
export const repeatBatchGroupId = (): string => `${REPEAT_BATCH_PREFIX}${crypto.randomUUID()}`;
export const isRepeatBatch = (groupId: string): boolean => groupId.startsWith(REPEAT_BATCH_PREFIX);
