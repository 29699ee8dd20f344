// How a token's probability is coloured: four bands, each with a label for the legend.

export const PROBABILITY_BANDS = [
  { min: 0.9, label: "≥ 90%", className: "bg-emerald-100 dark:bg-emerald-950" },
  { min: 0.5, label: "50–90%", className: "bg-lime-100 dark:bg-lime-950" },
  { min: 0.2, label: "20–50%", className: "bg-amber-100 dark:bg-amber-950" },
  { min: 0, label: "< 20%", className: "bg-red-100 dark:bg-red-950" },
] as const;

export function probabilityBand(logprob: number): (typeof PROBABILITY_BANDS)[number] {
  const p = Math.exp(logprob);
  return PROBABILITY_BANDS.find((b) => p >= b.min) ?? PROBABILITY_BANDS[3];
}
