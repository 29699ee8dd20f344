"use client";

import { useChat } from "@ai-sdk/react";
import { type ChatOnFinishCallback, DefaultChatTransport } from "ai";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type RunRequestFields, runRequestBody } from "@/lib/chat/run-request-body";
import { chatErrorToShow } from "./chat-error";
import { type PlaygroundMessage, preloadMarkdown } from "./message-item";

type Options = {
  /** Compare columns name their chats; the playground lets the SDK pick. */
  id?: string;
  /** Target, parameters and ids sent with every request; the latest value is read at send time. */
  request: RunRequestFields;
  messages?: PlaygroundMessage[];
  throttle: number;
  sendAutomaticallyWhen?: (options: { messages: PlaygroundMessage[] }) => boolean | PromiseLike<boolean>;
  /** Called when a run ends in any way (finished, stopped or failed) once its answer carries a run id. */
  onRunEnded?: (runId: string) => void;
};

/**
 * One chat against POST /api/runs, as the playground and every compare column use it:
 * the transport, the live time to first token, and the error worth showing.
 * Sending through it clears the last error and the last TTFT first.
 */
export function useRunChat({ id, request, messages, throttle, sendAutomaticallyWhen, onRunEnded }: Options) {
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  });
  const onRunEndedRef = useRef(onRunEnded);
  useEffect(() => {
    onRunEndedRef.current = onRunEnded;
  });

  // The transport is created once; it reads the current request at send time.
  const transport = useMemo(
    () =>
      new DefaultChatTransport<PlaygroundMessage>({
        api: "/api/runs",
        prepareSendMessagesRequest: ({ messages: all }) => ({ body: runRequestBody(requestRef.current, all) }),
      }),
    [],
  );
  const [liveTtftMs, setLiveTtftMs] = useState<number | null>(null);
  const onFinish = useCallback<ChatOnFinishCallback<PlaygroundMessage>>(({ message }) => {
    const runId = message.role === "assistant" ? message.metadata?.runId : undefined;
    if (runId) onRunEndedRef.current?.(runId);
  }, []);
  const chat = useChat<PlaygroundMessage>({
    id,
    transport,
    messages,
    throttle,
    sendAutomaticallyWhen,
    onData: (part) => {
      if (part.type === "data-ttft") setLiveTtftMs((part.data as { ttftMs: number | null }).ttftMs);
    },
    onFinish,
  });
  useEffect(preloadMarkdown, []);

  const { clearError, sendMessage, regenerate, addToolOutput } = chat;
  const beforeSend = useCallback(() => {
    clearError();
    setLiveTtftMs(null);
  }, [clearError]);

  return {
    ...chat,
    busy: chat.status === "submitted" || chat.status === "streaming",
    liveTtftMs,
    errorText: chatErrorToShow(chat.error, chat.messages),
    sendMessage: useCallback<typeof sendMessage>((...args) => (beforeSend(), sendMessage(...args)), [beforeSend, sendMessage]),
    regenerate: useCallback<typeof regenerate>((...args) => (beforeSend(), regenerate(...args)), [beforeSend, regenerate]),
    addToolOutput: useCallback<typeof addToolOutput>((...args) => (beforeSend(), addToolOutput(...args)), [beforeSend, addToolOutput]),
  };
}
