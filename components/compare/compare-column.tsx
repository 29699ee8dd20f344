"use client";

import { TokenMeterView } from "@/components/playground/token-meter-view";
import { tokenMeter } from "@/lib/chat/token-meter";
import { changedParams as sendableParams } from "@/lib/params/param-values";
import { useEffect, useRef } from "react";
import { RENDER_THROTTLE_MS } from "@/components/playground/render-throttle";
import { Button } from "@/components/ui/button";
import { MessageItem, type PlaygroundMessage } from "@/components/playground/message-item";
import { useRunChat } from "@/components/playground/use-run-chat";
import { offeringKey, type CatalogView, type OfferingView } from "@/components/playground/types";
import type { EffectiveParam } from "@/lib/compare/shared-params";
import type { ParamValues } from "@/lib/params/param-validator";
import { ColumnOverrides } from "./column-overrides";
import type { Column, ColumnHandle } from "./compare-types";
import { NativeSelect } from "@/components/ui/native-select";

type Props = {
  column: Column;
  index: number;
  count: number;
  catalog: CatalogView;
  offering: OfferingView;
  params: ParamValues;
  detail: Record<string, EffectiveParam>;
  unsupported: string[];
  system: string;
  compareGroupId: string;
  initialMessages: PlaygroundMessage[];
  /** The message being typed and how many attachments go with it: the column's token meter counts them. */
  draft: { text: string; attachmentCount: number };
  onRegister: (id: string, handle: ColumnHandle | null) => void;
  onRunFinished: (id: string, runId: string) => void;
  onBusyChange: (id: string, busy: boolean) => void;
  onChangeTarget: (id: string, key: string) => void;
  onOverride: (id: string, name: string, value: unknown) => void;
  /** This column's override fields that would be refused (or do not parse), by parameter. */
  overrideErrors: Record<string, string>;
  onOverrideJsonError: (name: string, message: string | null) => void;
  onDuplicate: (id: string) => void;
  onRemove: (id: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
};

/** One target with its own conversation and its own request: it streams, stops and fails on its own. */
export function CompareColumn(props: Props) {
  const { column, index, count, catalog, offering, params, detail, unsupported, system, compareGroupId } = props;
  const chat = useRunChat({
    id: column.id,
    request: { provider: offering.provider, model: offering.providerModelId, params, system, compareGroupId, compareColumn: index },
    messages: props.initialMessages,
    throttle: RENDER_THROTTLE_MS.perCompareColumn,
    onRunEnded: (runId) => props.onRunFinished(column.id, runId),
  });
  const chatRef = useRef(chat);
  chatRef.current = chat;
  const { busy } = chat;
  const { onBusyChange } = props;
  useEffect(() => {
    onBusyChange(column.id, busy);
    return () => onBusyChange(column.id, false);
  }, [busy, column.id, onBusyChange]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the handle is registered once per column; it reads the chat through a ref
  useEffect(() => {
    const handle: ColumnHandle = {
      send: (text, files) => {
        void chatRef.current.sendMessage({ parts: [{ type: "text", text }, ...files] });
      },
      stop: () => void chatRef.current.stop(),
    };
    props.onRegister(column.id, handle);
    return () => props.onRegister(column.id, null);
  }, [column.id]);

  const { errorText, liveTtftMs } = chat;
  const lastAssistant = chat.messages.findLastIndex((m) => m.role === "assistant");
  const offerings = catalog.offerings;
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));

  return (
    <section data-testid="compare-column" data-column-id={column.id} data-target={offeringKey(offering)} data-busy={busy} className="flex min-w-[85vw] flex-1 snap-start flex-col rounded-lg md:min-w-72 border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <header className="space-y-1 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <div className="flex items-center gap-1">
          <NativeSelect
            size="sm"
            data-testid="column-target"
            aria-label={`Target of column ${index + 1}`}
            value={offeringKey(offering)}
            onChange={(e) => props.onChangeTarget(column.id, e.target.value)}
            className="min-w-0 flex-1 px-1"
          >
            {offerings.map((o) => {
              const p = providers.get(o.provider);
              return (
                <option key={offeringKey(o)} value={offeringKey(o)} disabled={!p?.configured}>
                  {p?.name} · {o.label}
                  {p?.configured ? "" : " (not configured)"}
                </option>
              );
            })}
          </NativeSelect>
          <Button size="sm" variant="ghost" aria-label="Move left" disabled={index === 0} onClick={() => props.onMove(column.id, -1)}>
            ←
          </Button>
          <Button size="sm" variant="ghost" aria-label="Move right" disabled={index === count - 1} onClick={() => props.onMove(column.id, 1)}>
            →
          </Button>
          <Button size="sm" variant="ghost" data-testid="column-duplicate" aria-label="Duplicate column" disabled={count >= 6} onClick={() => props.onDuplicate(column.id)}>
            ⧉
          </Button>
          <Button size="sm" variant="ghost" data-testid="column-remove" aria-label="Remove column" disabled={count <= 2} onClick={() => props.onRemove(column.id)}>
            ×
          </Button>
        </div>
        <div className="flex items-center justify-between gap-1">
          <ColumnOverrides specs={offering.params} detail={detail} unsupported={unsupported} overrides={column.overrides} errors={props.overrideErrors} onOverride={(name, value) => props.onOverride(column.id, name, value)} onJsonError={props.onOverrideJsonError} />
          <div className="flex gap-1">
            {busy ? (
              <Button size="sm" variant="danger" data-testid="column-stop" onClick={() => void chat.stop()}>
                Stop
              </Button>
            ) : (
              <Button
                size="sm"
                data-testid="column-retry"
                disabled={!chat.messages.some((m) => m.role === "user")}
                onClick={() => void chat.regenerate()}
              >
                Retry
              </Button>
            )}
          </div>
        </div>
      </header>
      <div className="flex-1 space-y-2 overflow-y-auto p-2">
        {chat.messages.map((message, i) => (
          <MessageItem
            key={message.id}
            message={message}
            streaming={busy && i === chat.messages.length - 1 && message.role === "assistant"}
            busy={busy}
            liveTtftMs={i === lastAssistant ? liveTtftMs : null}
          />
        ))}
        {errorText && (
          <p role="alert" data-testid="column-error" className="rounded border border-red-300 bg-red-50 p-2 text-xs text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
            {errorText}
          </p>
        )}
      </div>
      <TokenMeterView meter={tokenMeter({ system, history: chat.messages, text: props.draft.text, attachmentCount: props.draft.attachmentCount, offering, params: sendableParams(offering.params, params) })} />
    </section>
  );
}
