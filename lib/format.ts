// Display formatting for measured numbers. Unknown values show as an em dash,
// never as 0.

export function formatMs(ms: number | null | undefined): string {
  if (ms == null) return "—";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatRate(tokensPerSecond: number | null | undefined): string {
  return tokensPerSecond == null ? "—" : `${tokensPerSecond.toFixed(1)} tok/s`;
}

export function formatTokens(n: number | null | undefined): string {
  return n == null ? "—" : n.toLocaleString("en-US");
}

/** Six significant digits below $1, so a provider's billed cost and ours can be told apart. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd == null) return "—";
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(4)}`;
  return `$${Number(usd.toPrecision(6)).toFixed(12).replace(/\.?0+$/, "")}`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`;
  return iso.slice(0, 10);
}
