import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunRow } from "@/db/schema";
import { personActor } from "@/test/support/test-actor";
import { canReadContent, forActor, requireAuthor, requireVisible } from "./run-access";

// Private by default: the author reads a run; the team reads what was shared
// with it; admins see numbers but not text (unless ADMIN_CAN_READ_RUNS); anyone
// else gets "not found", never "forbidden".

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-access-"));
});
afterEach(() => {
  delete process.env.ADMIN_CAN_READ_RUNS;
});

const run = (visibility: RunRow["visibility"]): RunRow =>
  ({ id: "r1", userId: "alice", visibility, status: "done", messages: [{ role: "user" }], outputText: "secret answer", promptText: "secret prompt", system: "sys", outputReasoning: "", toolCalls: [], errorMessage: null, attachmentsSent: [], shareId: "s".repeat(24) }) as unknown as RunRow;

describe("read access", () => {
  it("the author and, for a team run, every member read it; another member gets 404", async () => {
    const alice = await personActor("alice");
    const bob = await personActor("bob");
    const viewer = await personActor("vic", "viewer");
    expect(canReadContent(run("private"), alice)).toBe(true);
    expect(canReadContent(run("private"), bob)).toBe(false);
    expect(() => requireVisible(run("private"), "r1", bob)).toThrow(expect.objectContaining({ status: 404 }));
    expect(canReadContent(run("team"), bob)).toBe(true);
    expect(canReadContent(run("team"), viewer)).toBe(true);
    expect(() => requireVisible(undefined, "r1", alice)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("an admin sees a private run's numbers without its text, files or share link, unless ADMIN_CAN_READ_RUNS", async () => {
    const admin = await personActor("ada", "admin");
    const seen = forActor(requireVisible(run("private"), "r1", admin), admin);
    expect(seen).toMatchObject({ contentHidden: true, outputText: "", promptText: "", system: null, messages: [], shareId: null });
    process.env.ADMIN_CAN_READ_RUNS = "true";
    expect(forActor(run("private"), admin)).toMatchObject({ contentHidden: false, outputText: "secret answer" });
  });

  it("only the author changes who sees a run: an admin gets 403 not_author, a stranger 404", async () => {
    const admin = await personActor("ada", "admin");
    const bob = await personActor("bob");
    expect(() => requireAuthor(run("private"), "r1", admin)).toThrow(expect.objectContaining({ status: 403, code: "not_author" }));
    expect(() => requireAuthor(run("private"), "r1", bob)).toThrow(expect.objectContaining({ status: 404 }));
    expect(requireAuthor(run("private"), "r1", await personActor("alice")).id).toBe("r1");
  });
});
