// An answer's logprobs are for looking at: they never go back in a request,
// and never into a run's stored conversation (16,000 tokens of them are about
// a megabyte). The browser leaves them out of what it sends; the server drops
// whatever a client sent anyway.

export function withoutLogprobs<M extends object>(message: M): M {
  const metadata = (message as { metadata?: unknown }).metadata;
  if (!metadata || typeof metadata !== "object" || !("logprobs" in metadata)) return message;
  const { logprobs: _dropped, ...rest } = metadata;
  return { ...message, metadata: rest };
}
