import { EventSourceParserStream } from "eventsource-parser/stream";

/** The JSON data of each server-sent event in a body, as it arrives (`[DONE]` and other non-JSON data skipped). */
export async function* sseJson(body: ReadableStream<BufferSource>): AsyncGenerator<unknown> {
  const events = body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const event of events) if (event.data.startsWith("{")) yield JSON.parse(event.data);
}
