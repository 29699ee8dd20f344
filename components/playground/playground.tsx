"use client";

import { useEffect, useState } from "react";
import { RENDER_THROTTLE_MS } from "./render-throttle";
import { lastAssistantMessageIsCompleteWithToolCalls } from "ai";
import type { UploadLimits } from "@/lib/uploads/upload-limits";
import { attachmentRefusals, readyFileParts, useAttachments } from "./attachments/use-attachments";
import { ViewCode } from "@/components/code/view-code";
import { SidePanel, SidePanelToggle, useSidePanel } from "@/components/layout/side-panel";
import { ShortcutSheet, useShortcuts, useShortcutSheet } from "@/components/layout/shortcuts";
import { SkipLink } from "@/components/layout/skip-link";
import { UserMenu } from "@/components/auth/user-menu";
import { useViewer } from "@/components/auth/viewer-context";
import { codeRequestFor } from "@/lib/code/code-request";
import { alternativesAt, deleteTurn, openAlternative, switchAlternative, type Branches } from "@/lib/chat/branches";
import { CatalogRefresh } from "./catalog-refresh";
import { Composer } from "./composer";
import { MessageItem, type PlaygroundMessage } from "./message-item";
import { useRunChat } from "./use-run-chat";
import { OfferingPicker } from "./offering-picker";
import { ParamPanel } from "./param-panel";
import { offeringKey, type CatalogView } from "./types";
import { usePlaygroundSettings, type PlaygroundDraft } from "./use-playground-settings";
import { useStickToBottom } from "./use-stick-to-bottom";
import { ConversationList } from "./conversation-list";
import { TokenMeterView } from "./token-meter-view";
import { tokenMeter } from "@/lib/chat/token-meter";
import { newConversationId, saveTabDraft, type TabDraft } from "./tab-draft";
import { Textarea } from "@/components/ui/textarea";

/** The conversation plus the message being typed and its attachments: what Send would send, for view code. */
function withDraft(messages: PlaygroundMessage[], text: string, files: ReturnType<typeof readyFileParts>): PlaygroundMessage[] {
  if (!text.trim() && files.length === 0) return messages;
  return [...messages, { id: "draft", role: "user", parts: [{ type: "text", text: text.trim() }, ...files] } as PlaygroundMessage];
}

/** Where a starting draft came from: a shared page's fork, one of your runs, or this tab's saved state. */
export type StartingDraft = PlaygroundDraft & { messages: PlaygroundMessage[]; origin: "shared" | "run" | "tab"; conversationId?: string | null } & Partial<Pick<TabDraft, "text" | "attachments">>;

type Props = { catalog: CatalogView; uploadLimits: UploadLimits; draft?: StartingDraft | null };

export function Playground({ catalog, uploadLimits, draft }: Props) {
  const settings = usePlaygroundSettings(catalog, draft);
  const viewer = useViewer();
  const attachments = useAttachments(uploadLimits, draft?.attachments);
  const [conversationId, setConversationId] = useState(() => draft?.conversationId ?? newConversationId());
  const providerName = catalog.providers.find((p) => p.id === settings.offering.provider)?.name ?? settings.offering.provider;
  const refusals = attachmentRefusals(attachments.items, [{ name: providerName, offering: settings.offering }]);
  const [draftText, setDraftText] = useState(draft?.text ?? "");
  const panel = useSidePanel();

  const { messages, sendMessage, regenerate, stop, busy, errorText, liveTtftMs, setMessages, addToolOutput } = useRunChat({
    request: { provider: settings.offering.provider, model: settings.offering.providerModelId, params: settings.sendableParams, system: settings.system, conversationId },
    messages: draft?.messages,
    // Once every tool call of the answer has its result (typed by the user), the conversation continues with them.
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithToolCalls,
    throttle: RENDER_THROTTLE_MS.single,
  });
  const [branches, setBranches] = useState<Branches<PlaygroundMessage>>({});

  // A run reopened from history continues here; a reload then restores this tab, not the run again.
  useEffect(() => {
    if (draft?.origin === "run" && window.location.search) window.history.replaceState(null, "", "/");
  }, [draft?.origin]);
  // The tab's state is saved whenever the conversation is at rest.
  useEffect(() => {
    if (busy) return;
    saveTabDraft({ provider: settings.offering.provider, model: settings.offering.providerModelId, params: settings.values, system: settings.system, messages, conversationId, text: draftText, attachments: attachments.items });
  }, [busy, settings.offering, settings.values, settings.system, messages, conversationId, draftText, attachments.items]);

  const startNewConversation = () => {
    setMessages([]);
    setBranches({});
    setConversationId(newConversationId());
  };
  const scrollRef = useStickToBottom<HTMLDivElement>(messages);

  const sheet = useShortcutSheet();
  useShortcuts(
    {
      stop: () => busy && void stop(),
      focusComposer: () => document.getElementById("composer-input")?.focus(),
      newChat: () => !busy && startNewConversation(),
      toggleParams: panel.toggle,
      switchPage: () => window.location.assign("/compare"),
    },
    sheet.open,
  );

  return (
    <div className="flex h-dvh flex-col">
      <SkipLink targetId="composer-input" label="Skip to the message box" />
      <ShortcutSheet dialogRef={sheet.dialogRef} />
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-sm font-semibold">LLM Playground</h1>
          <a href="/compare" data-testid="nav-compare" className="text-xs text-muted underline">
            Compare side by side
          </a>
          <a href="/history" data-testid="nav-history" className="text-xs text-muted underline">
            History and costs
          </a>
        </div>
        <span className="flex flex-wrap items-center gap-3 text-xs text-muted">
          <SidePanelToggle label="Model & parameters" onOpen={() => panel.setOpen(true)} />
          <UserMenu />
          {draft?.origin === "shared" ? <span data-testid="forked-note">Forked from a shared run: your runs are new; the shared one is unchanged · </span> : null}
          <span className="hidden md:inline">Keys stay on the server · every run is recorded</span>
        </span>
      </header>
      <div className="flex min-h-0 flex-1">
        <SidePanel open={panel.open} collapsed={panel.collapsed} onClose={() => panel.setOpen(false)} label="Model & parameters" className="md:w-80">
          <ConversationList currentId={conversationId} refreshKey={String(messages.filter((m) => m.metadata?.summary).length)} onNew={busy ? undefined : startNewConversation} />
          <OfferingPicker catalog={catalog} modelId={settings.modelId} selected={settings.offering} onModelChange={settings.setModel} onOfferingChange={settings.setOffering} />
          <ParamPanel
            specs={settings.offering.params}
            values={settings.values}
            errors={settings.errors}
            changedCount={settings.changedCount}
            generation={`${settings.generation}:${offeringKey(settings.offering)}`}
            onChange={settings.setParam}
            onJsonError={settings.setJsonError}
            onResetAll={settings.resetAll}
            parked={settings.parked}
            onDiscardParked={settings.discardParked}
          />
          <ViewCode request={codeRequestFor(catalog.providers.find((p) => p.id === settings.offering.provider)!, settings.offering, settings.sendableParams, withDraft(messages, draftText, readyFileParts(attachments.items)), settings.system)} />
          {viewer?.can.manage && <CatalogRefresh />}
        </SidePanel>
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="border-b border-zinc-200 p-3 dark:border-zinc-800">
            <label htmlFor="system-prompt" className="text-xs font-medium text-muted">
              System prompt
            </label>
            <Textarea
              id="system-prompt"
              data-testid="system-input"
              value={settings.system}
              rows={2}
              placeholder="Optional instructions for the model"
              onChange={(e) => settings.setSystem(e.target.value)}
              className="mt-1 resize-y"
            />
          </div>
          <div ref={scrollRef} data-testid="messages" className="flex-1 space-y-3 overflow-y-auto p-4">
            {messages.length === 0 && <p className="text-sm text-muted">Pick a model and a provider, set parameters, and send a message.</p>}
            {messages.map((message, index) => (
              <MessageItem
                key={message.id}
                message={message}
                streaming={busy && index === messages.length - 1 && message.role === "assistant"}
                busy={busy}
                liveTtftMs={index === messages.length - 1 ? liveTtftMs : null}
                actions={{
                  alternatives: alternativesAt(branches, messages, index),
                  onSwitch: (to) => {
                    const next = switchAlternative(branches, messages, index, to);
                    setBranches(next.branches);
                    setMessages(next.messages);
                  },
                  onEdit: (text) => {
                    setBranches(openAlternative(branches, messages, index));
                    // An edit changes the text and keeps the message's attachments.
                    const files = message.parts.filter((p) => p.type === "file");
                    void sendMessage({ parts: [{ type: "text", text }, ...files], messageId: message.id });
                  },
                  onDeleteTurn: () => setMessages(deleteTurn(messages, index)),
                  onRegenerate: () => {
                    setBranches(openAlternative(branches, messages, index));
                    void regenerate({ messageId: message.id });
                  },
                  onToolResult:
                    index === messages.length - 1
                      ? (call, output) => {
                          // The continuation streams into this answer; the earlier step's token probabilities do not describe it.
                          setMessages((all) => all.map((m) => (m.id === message.id && m.metadata ? { ...m, metadata: { ...m.metadata, logprobs: undefined } } : m)));
                          void addToolOutput({ tool: call.toolName as never, toolCallId: call.toolCallId, output: output as never });
                        }
                      : undefined,
                }}
              />
            ))}
            {errorText && (
              <div role="alert" data-testid="chat-error" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
                {errorText}
              </div>
            )}
          </div>
          <TokenMeterView
            meter={tokenMeter({ system: settings.system, history: messages, text: draftText, attachmentCount: attachments.items.filter((a) => a.status !== "error").length, offering: settings.offering, params: settings.sendableParams })}
          />
          <Composer
            busy={busy}
            simulated={catalog.providers.find((p) => p.id === settings.offering.provider)?.builtIn === true}
            blockedReason={settings.offering.allowed === false ? "Your role may not use this offering on this playground; pick another or ask an admin." : settings.blockedReason}
            attachments={attachments.items}
            refusals={refusals}
            limits={uploadLimits}
            onAddFiles={attachments.add}
            onRemoveAttachment={attachments.remove}
            onSend={(text) => {
              const files = readyFileParts(attachments.items);
              attachments.clear();
              // Text first, then media: the order OpenRouter's image docs ask for.
              void sendMessage({ parts: [{ type: "text", text }, ...files] });
            }}
            onStop={() => void stop()}
            onTextChange={setDraftText}
            initialText={draft?.text}
            attachmentNote={settings.offering.attachmentNote}
          />
          {messages.length > 0 && !busy && (
            <button type="button" data-testid="new-chat" className="pb-2 text-xs text-muted underline" onClick={startNewConversation}>
              New conversation
            </button>
          )}
        </main>
      </div>
    </div>
  );
}
