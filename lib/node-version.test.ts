import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript (it must run on any Node), no type declarations
import { nodeVersionProblem } from "../scripts/check-node.mjs";

describe("the Node version check that runs before npm start", () => {
  it("refuses Node 20 in one line that says what to install", () => {
    const problem = nodeVersionProblem("v20.19.0", ">=22") as string;
    expect(problem).toContain("Node v20.19.0");
    expect(problem).toContain("Node.js 22 or newer");
    expect(problem).toContain("install Node 24");
    expect(problem.split("\n")).toHaveLength(1);
  });

  it("lets Node 22 and newer through", () => {
    expect(nodeVersionProblem("v22.0.0", ">=22")).toBeNull();
    expect(nodeVersionProblem("v24.21.0", ">=22")).toBeNull();
  });

  it("runs as a script on this Node and exits 0", () => {
    expect(() => execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../scripts/check-node.mjs")], { stdio: "pipe" })).not.toThrow();
  });
});
