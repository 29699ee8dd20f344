import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getRun, insertRun } from "@/db/queries";
import { hasPassword } from "@/db/team-queries";
import { createOwner, ensureLocalOwner, needsOwnerSetup } from "./users";

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-users-"));
});

const oldRun = (id: string) => insertRun({ id, status: "done", provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [], createdAt: new Date("2026-10-01T00:00:00Z") });

describe("owners", () => {
  it("runs from before accounts existed become the owner's when the owner is created", async () => {
    await oldRun("legacy-1");
    expect(await needsOwnerSetup()).toBe(true);
    const owner = await createOwner({ name: "Olga", email: "Olga@Example.com", password: "password-123" });
    expect(owner).toMatchObject({ email: "olga@example.com", role: "owner" });
    expect((await getRun("legacy-1"))?.userId).toBe(owner.id);
    expect(await needsOwnerSetup()).toBe(false);
    await expect(createOwner({ name: "Eve", email: "eve@example.com", password: "password-123" })).rejects.toMatchObject({ status: 409, code: "owner_exists" });
  });

  it("the laptop's local owner becomes the password owner, keeping its runs", async () => {
    const local = await ensureLocalOwner();
    await oldRun("laptop-1");
    expect(await needsOwnerSetup()).toBe(true);
    const owner = await createOwner({ name: "Olga", email: "olga@example.com", password: "password-123" });
    expect(owner.id).toBe(local.id);
    expect(await hasPassword(owner.id)).toBe(true);
    expect((await getRun("laptop-1"))?.userId).toBe(owner.id);
  });
});
