import { fnv1a, mulberry32 } from "./simulate-completion";

// The simulator's logprobs: made up, but deterministic (same seed, same
// position, same token = same numbers) and shaped exactly like OpenAI's
// `choices[].logprobs.content[]`, so the browser's probability view and any
// client can be tried offline. The sampled token is usually the most likely
// one; now and then an alternative outranks it, as with real sampling.

export type WireLogprob = { token: string; logprob: number; bytes: number[]; top_logprobs: { token: string; logprob: number; bytes: number[] }[] };

const ALTERNATIVES = [" the", " a", " and", " to", " of", " it", " is", " that", " in", " this", ",", "."];
const encoder = new TextEncoder();

function entry(token: string, probability: number) {
  return { token, logprob: Math.round(Math.log(probability) * 1e6) / 1e6, bytes: Array.from(encoder.encode(token)) };
}

export function tokenLogprob(token: string, position: number, seed: number, topCount: number): WireLogprob {
  const random = mulberry32(fnv1a(`${seed}\u0000${position}\u0000${token}`));
  // Mostly confident tokens, with a tail of uncertain ones.
  const p = random() < 0.7 ? 0.6 + random() * 0.399 : 0.05 + random() * 0.5;
  const others: { token: string; logprob: number; bytes: number[] }[] = [];
  let left = 1 - p;
  const candidates = ALTERNATIVES.filter((a) => a !== token);
  const offset = Math.floor(random() * candidates.length);
  for (let i = 0; i < candidates.length && others.length < topCount - 1; i++) {
    const alternative = candidates[(offset + i) % candidates.length]!;
    const share = left * (0.3 + random() * 0.5);
    left -= share;
    others.push(entry(alternative, share));
  }
  const chosen = entry(token, p);
  const top = topCount > 0 ? [chosen, ...others].sort((a, b) => b.logprob - a.logprob).slice(0, topCount) : [];
  return { ...chosen, top_logprobs: top };
}
