import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFakeUpstream, fakeProviderEnv, type RecordedRequest } from "@/e2e/fake-upstream/fake-upstream";
import { ownerActor } from "./test-actor";
import { getRunRecord } from "@/lib/runs/read-runs";
import type { RunRecord } from "@/lib/runs/run-record";
import { startRun } from "@/lib/runs/start-run";
import { serveFetchHandler } from "./serve-fetch-handler";

// Contract-test harness: the fake upstreams on 127.0.0.1, the provider
// environment pointed at them, and a run driven through POST /api/runs.

export type ContractRun = { runId: string; events: Record<string, any>[]; record: RunRecord; requests: RecordedRequest[] };

export async function startFakeProviders() {
  const fake = createFakeUpstream();
  const served = await serveFetchHandler(fake.handler);
  const env = fakeProviderEnv(served.url);
  Object.assign(process.env, env, { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "playground-contract-")) });
  return { url: served.url, env, fake, close: served.close };
}

async function readEvents(response: Response) {
  return (await response.text())
    .split("\n\n")
    .map((b) => b.replace(/^data: /, "").trim())
    .filter((d) => d && d !== "[DONE]")
    .map((d) => JSON.parse(d) as Record<string, any>);
}

type FilePart = { type: "file"; url: string; mediaType: string; filename?: string };

export async function runThrough(
  fake: { requests: RecordedRequest[] },
  body: { provider: string; model: string; text: string; params?: Record<string, unknown>; system?: string; files?: FilePart[]; history?: { role: string; parts: object[] }[] },
): Promise<ContractRun> {
  const before = fake.requests.length;
  const response = await startRun(
    new Request("http://localhost/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        provider: body.provider,
        model: body.model,
        system: body.system,
        params: body.params ?? {},
        messages: [...(body.history ?? []), { id: "u1", role: "user", parts: [{ type: "text", text: body.text }, ...(body.files ?? [])] }],
      }),
    }),
    await ownerActor(),
  );
  const runId = response.headers.get("x-run-id")!;
  const events = await readEvents(response);
  let record = await getRunRecord(runId, await ownerActor());
  for (let i = 0; i < 100 && record.status === "streaming"; i++) {
    await new Promise((r) => setTimeout(r, 20));
    record = await getRunRecord(runId, await ownerActor());
  }
  return { runId, events, record, requests: fake.requests.slice(before) };
}

/** Upload a fixture from e2e/fixtures through POST /api/uploads; returns the file part that references it. */
export async function uploadFixture(name: string): Promise<FilePart & { id: string }> {
  const { handleUpload } = await import("@/lib/uploads/handle-upload");
  const bytes = fs.readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures", name));
  const form = new FormData();
  form.append("file", new File([bytes], name));
  const info = (await (await handleUpload(new Request("http://localhost/api/uploads", { method: "POST", body: form }), await ownerActor())).json()) as { id: string; mediaType: string };
  return { type: "file", url: `/api/uploads/${info.id}`, mediaType: info.mediaType, filename: name, id: info.id };
}
