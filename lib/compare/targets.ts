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
    .map((part) => decodeURIComponent(part.trim()))
    .map((part) => {
      const at = part.indexOf("::");
      return at > 0 ? { provider: part.slice(0, at), model: part.slice(at + 2) } : null;
    })
    .filter((t): t is Target => t !== null && t.model.length > 0)
    .slice(0, MAX_COLUMNS);
}

export function serializeTargets(targets: Target[]): string {
  return targets.map((t) => encodeURIComponent(targetKey(t))).join(",");
}
