"use client";

import { offeringKey, type CatalogView, type OfferingView } from "./types";
import { NativeSelect } from "@/components/ui/native-select";

type Props = {
  catalog: CatalogView;
  modelId: string;
  selected: OfferingView;
  onModelChange: (modelId: string) => void;
  onOfferingChange: (key: string) => void;
};

function perMillion(usd: number): string {
  return `$${Number(usd.toFixed(4))}/M`;
}

export function OfferingPicker({ catalog, modelId, selected, onModelChange, onOfferingChange }: Props) {
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  const offerings = catalog.offerings.filter((o) => o.modelId === modelId);
  const provider = providers.get(selected.provider);
  const tier = selected.pricing?.tiers[0];

  return (
    <div className="space-y-2">
      <label className="block text-xs font-medium text-muted" htmlFor="model-select">
        Model
      </label>
      <NativeSelect
        size="md"
        id="model-select"
        data-testid="model-select"
        value={modelId}
        onChange={(e) => onModelChange(e.target.value)}
        className="w-full"
      >
        {catalog.models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </NativeSelect>
      <label className="block text-xs font-medium text-muted" htmlFor="offering-select">
        Provider
      </label>
      <NativeSelect
        size="md"
        id="offering-select"
        data-testid="offering-select"
        value={offeringKey(selected)}
        onChange={(e) => onOfferingChange(e.target.value)}
        className="w-full"
      >
        {offerings.map((o) => {
          const p = providers.get(o.provider);
          const configured = p?.configured ?? false;
          const needs = p?.keyEnv ?? p?.baseUrlEnv;
          return (
            <option key={offeringKey(o)} value={offeringKey(o)} disabled={!configured}>
              {p?.name} · {o.label}
              {configured ? "" : ` (set ${needs})`}
            </option>
          );
        })}
      </NativeSelect>
      <div data-testid="offering-info" className="space-y-0.5 rounded-md bg-zinc-100 p-2 text-[11px] text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
        {providers.get(selected.provider)?.builtIn && (
          <p className="font-medium text-violet-700 dark:text-violet-300">Simulator: offline, deterministic, nothing is billed.</p>
        )}
        <p>
          <span className="font-mono">{selected.providerModelId}</span>
          {selected.region ? ` · ${selected.region}` : ""} · context {selected.limits.contextTokens.toLocaleString("en-US")}
          {selected.limits.maxOutputTokens ? ` · max out ${selected.limits.maxOutputTokens.toLocaleString("en-US")}` : ""}
        </p>
        <p>
          {tier ? (
            <>
              {perMillion(tier.inputPerMTok)} in · {perMillion(tier.outputPerMTok)} out
              {selected.pricing && selected.pricing.tiers.length > 1 ? ` (up to ${tier.upToInputTokens?.toLocaleString("en-US")} input tokens; ${selected.pricing.tiers.length} tiers)` : ""}
              {selected.pricing?.cachedInputPerMTok !== undefined ? ` · cached ${perMillion(selected.pricing.cachedInputPerMTok)}` : ""}
            </>
          ) : (
            "Price unknown: cost is not computed."
          )}
        </p>
        <p>
          Input: {selected.capabilities.inputModalities.join(", ")}
          {selected.capabilities.reasoning ? " · reasoning" : ""}
          {selected.capabilities.tools ? " · tools" : ""}
        </p>
        <p className="truncate">
          Source:{" "}
          {/^https?:\/\//.test(selected.source.url) ? (
            <a data-testid="offering-source" className="underline" href={selected.source.url} target="_blank" rel="noreferrer">
              {selected.source.url.replace(/^https?:\/\//, "")}
            </a>
          ) : (
            // A source inside this project (the simulator's is its README) is named, not linked: the app does not serve it.
            <span data-testid="offering-source">{selected.source.url.replace("#", ", section ")}</span>
          )}{" "}
          ({selected.source.checkedAt}){provider && !provider.configured ? ` · set ${provider.keyEnv} to enable` : ""}
        </p>
        {selected.refreshed && (
          <p data-testid="offering-refreshed">Refreshed from the provider&apos;s model list on {selected.refreshed.at.slice(0, 10)}.</p>
        )}
      </div>
    </div>
  );
}
