"use client";

import type { TokenLogprob } from "@/lib/runs/run-types";
import { probabilityBand, PROBABILITY_BANDS } from "@/lib/ui/probability-bands";

// The answer as its tokens, each coloured by how likely the model found it;
// hovering or focusing a token lists the alternatives it weighed.

const percent = (logprob: number) => `${(Math.exp(logprob) * 100).toFixed(Math.exp(logprob) < 0.01 ? 2 : 1)}%`;
const visible = (token: string) => JSON.stringify(token).slice(1, -1);

export function TokenProbabilities({ tokens }: { tokens: TokenLogprob[] }) {
  return (
    <div data-testid="token-probabilities" className="text-sm leading-7">
      <p className="mb-1 flex flex-wrap gap-2 text-[11px] text-muted">
        {PROBABILITY_BANDS.map((b) => (
          <span key={b.label} className={`rounded px-1 ${b.className}`}>
            {b.label}
          </span>
        ))}
      </p>
      <p className="whitespace-pre-wrap">
        {tokens.map((t, i) => (
          <span key={i} className="group relative">
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so a keyboard reaches the alternatives, which show on focus as on hover */}
            <span tabIndex={0} data-testid="token" data-probability={Math.exp(t.logprob).toFixed(4)} className={`rounded-sm ${probabilityBand(t.logprob).className} focus:outline-2`}>
              {t.token}
            </span>
            <span role="tooltip" className="pointer-events-none invisible absolute top-full left-0 z-20 mt-1 w-max max-w-64 rounded border border-zinc-200 bg-white p-2 font-mono text-[11px] leading-4 text-zinc-900 shadow group-focus-within:visible group-hover:visible dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
              <span className="block">
                “{visible(t.token)}” {percent(t.logprob)} (logprob {t.logprob.toFixed(3)})
              </span>
              {t.top
                .filter((a) => a.token !== t.token)
                .map((a, j) => (
                  <span key={j} className="block text-muted">
                    “{visible(a.token)}” {percent(a.logprob)}
                  </span>
                ))}
            </span>
          </span>
        ))}
      </p>
    </div>
  );
}
