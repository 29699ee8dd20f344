"use client";

import { useMemo, useState } from "react";
import { paramErrors, validateParam, withFieldError, type ParamValues } from "@/lib/params/param-validator";
import { changedParams, splitForOffering } from "@/lib/params/param-values";
import { offeringKey, type CatalogView, type OfferingView } from "./types";

function firstUsable(catalog: CatalogView, modelId: string): OfferingView | undefined {
  const configured = new Set(catalog.providers.filter((p) => p.configured).map((p) => p.id));
  const forModel = catalog.offerings.filter((o) => o.modelId === modelId);
  return forModel.find((o) => configured.has(o.provider)) ?? forModel[0];
}

export type PlaygroundDraft = { provider: string; model: string; params: ParamValues; system: string };

/** Target (model + provider offering), parameter values and system prompt of the playground. */
export function usePlaygroundSettings(catalog: CatalogView, draft?: PlaygroundDraft | null) {
  const draftOffering = draft ? catalog.offerings.find((o) => o.provider === draft.provider && o.providerModelId === draft.model) : undefined;
  const [modelId, setModelId] = useState(draftOffering?.modelId ?? catalog.models[0]?.id ?? "");
  const [selectedKey, setSelectedKey] = useState(() => {
    const first = draftOffering ?? firstUsable(catalog, modelId);
    return first ? offeringKey(first) : "";
  });
  // `values` belong to the selected offering; `parked` are values it does not accept, kept for the way back.
  const [params, setParams] = useState<{ values: ParamValues; parked: ParamValues }>({ values: draftOffering && draft ? draft.params : {}, parked: {} });
  const values = params.values;
  const [jsonErrors, setJsonErrors] = useState<Record<string, string>>({});
  const [system, setSystem] = useState(draft?.system ?? "");
  // Bumped by "reset all" so every control drops its unsent draft.
  const [generation, setGeneration] = useState(0);

  const offering = catalog.offerings.find((o) => offeringKey(o) === selectedKey) ?? catalog.offerings[0]!;

  const switchOffering = (next: OfferingView | undefined) => {
    if (!next) return;
    setSelectedKey(offeringKey(next));
    setParams((current) => splitForOffering(next.params, current, (spec, v) => validateParam(spec, v) === null));
    setJsonErrors({});
  };

  const errors = useMemo(() => paramErrors(offering.params, values, jsonErrors), [offering, values, jsonErrors]);

  const sendable = useMemo(() => changedParams(offering.params, values), [offering, values]);
  const firstError = Object.entries(errors)[0];

  return {
    modelId,
    offering,
    generation,
    values,
    parked: params.parked,
    errors,
    system,
    sendableParams: sendable,
    changedCount: Object.keys(sendable).length,
    blockedReason: firstError ? `Fix parameter ${firstError[0]}: ${firstError[1]}` : null,
    setSystem,
    setModel(nextModelId: string) {
      setModelId(nextModelId);
      switchOffering(firstUsable(catalog, nextModelId));
    },
    setOffering(key: string) {
      switchOffering(catalog.offerings.find((o) => offeringKey(o) === key));
    },
    setParam(name: string, value: unknown) {
      setParams((current) => {
        const next = { ...current.values };
        if (value === undefined) delete next[name];
        else next[name] = value;
        return { ...current, values: next };
      });
    },
    discardParked(name: string) {
      setParams((current) => {
        const { [name]: _discarded, ...parked } = current.parked;
        return { ...current, parked };
      });
    },
    setJsonError(name: string, message: string | null) {
      setJsonErrors((current) => withFieldError(current, name, message));
    },
    resetAll() {
      setParams({ values: {}, parked: {} });
      setJsonErrors({});
      setGeneration((g) => g + 1);
    },
  };
}
