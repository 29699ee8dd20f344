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

export function formatUsd(usd: number | null | undefined): string {
  if (usd == null) return "—";
  if (usd === 0) return "$0";
  if (usd < 0.01) return `$${usd.toFixed(6).replace(/0+$/, "")}`;
  return `$${usd.toFixed(4)}`;
}
