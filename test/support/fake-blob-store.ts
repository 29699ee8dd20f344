import http from "node:http";
import type { AddressInfo } from "node:net";
import { MockAgent, setGlobalDispatcher, getGlobalDispatcher, type Dispatcher } from "undici";

// A local stand-in for Vercel Blob's HTTP API, enough for the calls the
// playground makes: put (PUT /?pathname=), head (GET ?url=), delete (POST
// /delete), signed tokens (POST /signed-token) and presigned PUTs. @vercel/blob
// reaches it through VERCEL_BLOB_API_URL. Private downloads go to the store's
// fixed host (<store>.private.blob.vercel-storage.com) through @vercel/blob's
// own undici, so those are answered by that undici's MockAgent.

export type FakeBlobStore = { apiUrl: string; token: string; objects: Map<string, { bytes: Buffer; contentType: string }>; close(): Promise<void> };

const STORE_ID = "fakestore";

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" }).end(JSON.stringify(body));
}

function metadata(pathname: string, object: { bytes: Buffer; contentType: string }) {
  const url = `https://${STORE_ID}.private.blob.vercel-storage.com/${pathname}`;
  return { url, downloadUrl: `${url}?download=1`, pathname, size: object.bytes.byteLength, contentType: object.contentType, contentDisposition: "inline", cacheControl: "private", uploadedAt: new Date().toISOString(), etag: `"${object.bytes.byteLength}"` };
}

export async function startFakeBlobStore(): Promise<FakeBlobStore> {
  const token = `vercel_blob_rw_${STORE_ID}_secret123`;
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "access-control-allow-origin": "*", "access-control-allow-methods": "PUT, GET, POST", "access-control-allow-headers": "*" }).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const presigned = url.searchParams.has("vercel-blob-signature");
    if (!presigned && req.headers.authorization !== `Bearer ${token}`) return json(res, 403, { error: { code: "forbidden", message: "bad token" } });
    if (req.method === "PUT" && url.pathname === "/" && url.searchParams.get("pathname")) {
      const pathname = url.searchParams.get("pathname")!;
      const object = { bytes: body, contentType: String(req.headers["x-content-type"] ?? "application/octet-stream") };
      objects.set(pathname, object);
      return json(res, 200, metadata(pathname, object));
    }
    if (req.method === "GET" && url.searchParams.get("url")) {
      const pathname = url.searchParams.get("url")!.replace(/^https:\/\/[^/]+\//, "");
      const object = objects.get(pathname);
      return object ? json(res, 200, metadata(pathname, object)) : json(res, 404, { error: { code: "not_found", message: "The requested blob does not exist" } });
    }
    if (req.method === "POST" && url.pathname === "/delete") {
      for (const u of (JSON.parse(body.toString()) as { urls: string[] }).urls) objects.delete(u.replace(/^https:\/\/[^/]+\//, ""));
      return json(res, 200, {});
    }
    if (req.method === "POST" && url.pathname === "/signed-token") {
      const scope: Record<string, unknown> = { storeId: STORE_ID, ...(JSON.parse(body.toString()) as Record<string, unknown>) };
      return json(res, 200, { delegationToken: `${Buffer.from(JSON.stringify(scope)).toString("base64url")}.fakesig`, clientSigningToken: "fake-client-signing-token", validUntil: scope.validUntil ?? Date.now() + 3_600_000 });
    }
    json(res, 400, { error: { code: "bad_request", message: `fake blob store: ${req.method} ${url.pathname}${url.search}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const previous: Dispatcher = getGlobalDispatcher();
  const agent = new MockAgent();
  agent.enableNetConnect(/127\.0\.0\.1|localhost/);
  agent
    .get(`https://${STORE_ID}.private.blob.vercel-storage.com`)
    .intercept({ path: () => true, method: "GET" })
    .reply((request) => {
      const headers = request.headers as Record<string, string>;
      if (headers.authorization !== `Bearer ${token}`) return { statusCode: 403, data: "forbidden" };
      const object = objects.get(decodeURIComponent(new URL(request.path, "https://x").pathname.slice(1)));
      return object ? { statusCode: 200, data: object.bytes, responseOptions: { headers: { "content-type": object.contentType, "content-length": String(object.bytes.byteLength) } } } : { statusCode: 404, data: "not found" };
    })
    .persist();
  setGlobalDispatcher(agent);

  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    objects,
    async close() {
      setGlobalDispatcher(previous);
      await agent.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
