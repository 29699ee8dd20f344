/** The first instant of the UTC month: budgets are monthly. */
export function monthStartUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** "$0.0123" with enough digits for small budgets. */
export function formatUsdPlain(usd: number): string {
  if (usd === 0) return "$0";
  return `$${usd >= 1 ? usd.toFixed(2) : usd.toPrecision(3)}`;
}
