// The one place latency and throughput are defined. Times are milliseconds on
// the server's monotonic clock (performance.now()), taken in the proxy as the
// upstream bytes are parsed.

export type RunTimings = {
  /** When the upstream request was sent. */
  startedAt: number;
  /** When the first reasoning or answer token arrived; null if none did. */
  firstTokenAt: number | null;
  /** When the last reasoning or answer token arrived. */
  lastTokenAt: number | null;
  /** When the run ended (finish, error or stop). */
  endedAt: number;
};

export type RunMetrics = {
  ttftMs: number | null;
  durationMs: number;
  tokensPerSecond: number | null;
};

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * - ttftMs: request sent -> first reasoning or answer token.
 * - durationMs: request sent -> end of the run.
 * - tokensPerSecond: decode rate after the first token: the output tokens that
 *   followed the first one, over the time from first to last token. null when
 *   every token arrived at once (e.g. a non-streaming provider): no rate can be
 *   measured, and we do not invent one. `arrivedAtOnce` says the upstream
 *   delivered all content in one network read (or one JSON document).
 */
export function computeRunMetrics(timings: RunTimings, outputTokens: number | null, arrivedAtOnce = false): RunMetrics {
  const ttftMs = timings.firstTokenAt === null ? null : round(timings.firstTokenAt - timings.startedAt, 1);
  const durationMs = round(timings.endedAt - timings.startedAt, 1);
  let tokensPerSecond: number | null = null;
  if (!arrivedAtOnce && timings.firstTokenAt !== null && timings.lastTokenAt !== null && outputTokens !== null && outputTokens > 1) {
    const spanMs = timings.lastTokenAt - timings.firstTokenAt;
    if (spanMs >= 1) tokensPerSecond = round((outputTokens - 1) / (spanMs / 1000), 1);
  }
  return { ttftMs, durationMs, tokensPerSecond };
}
