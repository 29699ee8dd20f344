import "server-only";
import type http from "node:http";
import { AppError } from "./app-error";
import { STATIC_SECURITY_HEADERS } from "./security-headers";

// Next's router, tracing and response adapter add about 2 ms to every request
// and more under load: a floor our streaming routes cannot go below while they
// sit behind it. So the two routes whose first token users measure (runs from
// the browser, and the OpenAI-compatible gateway) register their handler here
// when their module loads, and the HTTP server's request event hands those
// requests to it straight away: the same handler, with the same guard,
// validation, errors and record, only without Next in front of it. Everything
// else, and these routes until their module has loaded, goes through Next.
// The registry lives on globalThis: the route's bundle and the one that
// patches the server are separate module instances.

type FetchHandler = (request: Request) => Promise<Response>;

const registry = globalThis as unknown as { playgroundDirectRoutes?: Map<string, FetchHandler> };
const routes = (registry.playgroundDirectRoutes ??= new Map());

/** Serves `method path` (exact path, no query matching) with `handler`, bypassing Next's routing. */
export function serveDirectly(method: string, path: string, handler: FetchHandler): void {
  routes.set(`${method} ${path}`, handler);
}

/** From the server's request event: answers the request and returns true when a direct route takes it. */
export function answerDirectly(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (routes.size === 0) return false;
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const handler = routes.get(`${req.method} ${query === -1 ? url : url.slice(0, query)}`);
  if (!handler) return false;
  void serve(handler, req, res);
  return true;
}

/**
 * The request's body as it arrives, read only when the handler asks for it:
 * the handler checks credentials before it reads a byte, and its size limit
 * applies while bytes arrive (413 at once), so an unauthenticated or oversized
 * upload costs nothing. Pull-based (nothing is read ahead into memory).
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> | null {
  const declared = req.headers["content-length"];
  if (declared === "0" || (declared === undefined && req.headers["transfer-encoding"] === undefined)) return null;
  const next = () =>
    new Promise<void>((resolve) => {
      const go = () => {
        req.off("readable", go);
        req.off("end", go);
        req.off("error", go);
        resolve();
      };
      req.on("readable", go);
      req.on("end", go);
      req.on("error", go);
    });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (req.errored) return controller.error(req.errored);
          const chunk = req.read() as Buffer | null;
          if (chunk) return controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if (req.readableEnded) return controller.close();
          await next();
        }
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A body the handler did not read to the end (it answered 401, 403 or 413 first)
 * is read and dropped, as Node does for unread bodies, so the connection can carry
 * the client's next request; nothing of it is kept.
 */
function discardRest(req: http.IncomingMessage): void {
  if (req.readableEnded || req.destroyed) return;
  req.removeAllListeners("readable");
  req.on("data", () => undefined);
  req.resume();
}

function requestHeaders(req: http.IncomingMessage): Headers {
  // req.headers, not rawHeaders: it carries the peer address the server stamped over any sent by the client.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

async function serve(handler: FetchHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // The client hanging up (or Stop in the browser) aborts the request, as it does under Next.
  const hangUp = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) hangUp.abort();
  });
  req.socket.setNoDelay(true);

  let response: Response;
  try {
    // The URL's host is not the client's to choose (a malformed Host would make it throw); the handler reads the header.
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: requestHeaders(req),
      body: bodyStream(req),
      duplex: "half",
      signal: hangUp.signal,
    } as RequestInit);
    response = await handler(request);
  } catch (error) {
    // Handlers turn their own errors into JSON; this is only for a failure in this adapter itself.
    console.error(`[${req.method} ${req.url}]`, error instanceof Error ? error.message : error);
    response = new AppError("internal_error", "Something went wrong on the server.").toResponse();
  }
  res.once("finish", () => discardRest(req));
  if (res.destroyed) {
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  await writeResponse(response, res, hangUp.signal);
}

async function writeResponse(response: Response, res: http.ServerResponse, hungUp: AbortSignal): Promise<void> {
  const headers: Record<string, string | string[]> = { ...STATIC_SECURITY_HEADERS };
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  hungUp.addEventListener("abort", cancel, { once: true });
  // Events that are ready together (a token and its bookkeeping, or a queue of tokens) go out in one write.
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off("drain", go);
            res.off("close", go);
            resolve();
          };
          res.on("drain", go);
          res.on("close", go);
        });
        if (res.destroyed) return;
      }
    }
    // Uncork first: ending a corked response sent the chunked terminator ahead of the last chunk.
    if (corked) uncork();
    res.end();
  } catch {
    // The stream failed after the status was sent: all that is left is to cut the connection.
    res.destroy();
  } finally {
    hungUp.removeEventListener("abort", cancel);
  }
}
