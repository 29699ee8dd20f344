import "server-only";
import type { TextStreamPart, ToolSet } from "ai";
import type { RunRecorder } from "./run-recorder";

// Taps on a run's part stream, shared by the browser's UI stream and the gateway's OpenAI stream.

/**
 * Turns an error thrown by the stream itself (a connection reset, a stalled
 * upstream) into an error part, so the browser and the record both hear why;
 * and once `stopped()` names a reason (the run could not be recorded), ends the
 * stream with it as the last part. One hop for both: every token passes here.
 */
export function errorsAsParts(stream: ReadableStream<TextStreamPart<ToolSet>>, stopped: () => unknown = () => null): ReadableStream<TextStreamPart<ToolSet>> {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        const reason = stopped();
        if (reason) {
          // Whatever stopped the run also aborted its upstream call, so this read did not wait for it.
          controller.enqueue({ type: "error", error: reason });
          controller.close();
          void reader.cancel().catch(() => undefined);
        } else if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.enqueue({ type: "error", error });
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * Passes every stream part through unchanged while the recorder watches it.
 * Nothing passes before the run's row exists (it is written while the provider
 * prepares its first token), so whoever sees a run has begun can find it.
 */
export function recordingTap(recorder: RunRecorder) {
  return new TransformStream<TextStreamPart<ToolSet>, TextStreamPart<ToolSet>>({
    start: () => recorder.recorded.then(
      () => undefined,
      () => undefined,
    ),
    transform(part, controller) {
      recorder.observe(part);
      controller.enqueue(part);
    },
    // The stream ends once the run's final row is written: whoever reads the record after the last byte sees it final.
    async flush() {
      await recorder.settle();
    },
  });
}

