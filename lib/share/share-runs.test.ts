import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getRun, insertRun } from "@/db/queries";
import { auditRowsInOrder } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { ownerActor } from "@/test/support/test-actor";
import { loadShared, revokeShare, shareRun } from "./share-runs";

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-share-"));
});

const messages = [{ role: "user", parts: [{ type: "text", text: "Hi" }, { type: "file", mediaType: "image/png", url: `/api/uploads/${"a".repeat(64)}` }] }];

async function run(id: string, userId: string, extra: Partial<Parameters<typeof insertRun>[0]> = {}) {
  await insertRun({ id, status: "done", provider: "simulator", model: "qwen3.5-flash", params: {}, system: null, messages, promptText: "Hi", userId, createdAt: new Date(), ...extra });
}

async function auditActions(): Promise<string[]> {
  const actions: string[] = [];
  for await (const row of auditRowsInOrder()) actions.push(`${row.action}:${row.targetId}`);
  return actions;
}

describe("share links", () => {
  it("revoking ends the link at once; revoking again changes nothing; each is audited once", async () => {
    const owner = await ownerActor();
    await run("run-share-1", owner.id);
    const { shareId, url } = await shareRun("run-share-1", owner, "https://play.example");
    expect(url).toBe(`https://play.example/r/${shareId}`);
    // Sharing again gives the same link.
    expect((await shareRun("run-share-1", owner, "https://play.example")).shareId).toBe(shareId);
    expect(await loadShared(shareId)).not.toBeNull();

    expect(await revokeShare("run-share-1", owner)).toEqual({ revoked: true });
    expect(await loadShared(shareId)).toBeNull();
    expect((await getRun("run-share-1"))?.shareId).toBeNull();
    expect(await revokeShare("run-share-1", owner)).toEqual({ revoked: false });

    // A new share after a revoke is a new link: the old one stays dead.
    const again = await shareRun("run-share-1", owner, "https://play.example");
    expect(again.shareId).not.toBe(shareId);
    expect(await loadShared(shareId)).toBeNull();
    const mine = (await auditActions()).filter((a) => a.endsWith(":run-share-1"));
    expect(mine).toEqual(["share.create:run-share-1", "share.revoke:run-share-1", "share.create:run-share-1"]);
  });

  it("only the author shares or revokes: anyone else gets the same 404 as for a run that does not exist", async () => {
    const owner = await ownerActor();
    await run("run-share-2", owner.id);
    const { shareId } = await shareRun("run-share-2", owner, "https://play.example");
    const stranger: Actor = { ...owner, id: "someone-else", email: "x@example.com", role: "member" };
    const refusal = await revokeShare("run-share-2", stranger).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(404);
    expect(await loadShared(shareId)).not.toBeNull();
    await expect(revokeShare("../etc", owner)).rejects.toMatchObject({ status: 400, code: "invalid_id" });
  });

  it("what a link shows carries no internal id, and its attachments are fetched with the share id", async () => {
    const owner = await ownerActor();
    await run("run-share-3", owner.id, { compareGroupId: "group-3", conversationId: "conv-3" });
    const { shareId } = await shareRun("run-share-3", owner, "https://play.example");
    const view = await loadShared(shareId);
    expect(view?.kind).toBe("comparison");
    const shown = view!.runs[view!.shared]!;
    const text = JSON.stringify(view);
    for (const internal of ["run-share-3", "group-3", "conv-3", owner.id]) expect(text).not.toContain(internal);
    expect(shown).toMatchObject({ id: "shared-0", shareId: null, compareGroupId: null, conversationId: null, userId: null, author: null });
    expect(JSON.stringify(shown.messages)).toContain(`?share=${shareId}`);
  });
});
