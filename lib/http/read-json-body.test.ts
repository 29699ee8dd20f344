import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { MAX_DEPTH, nestsDeeperThan, readJsonBody } from "./read-json-body";

const request = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error("was accepted");
}

describe("reading a JSON body", () => {
  it("parses JSON within the limits", async () => {
    expect(await readJsonBody(request('{"a":[1,{"b":"]}}\\"[["}]}'))).toEqual({ a: [1, { b: ']}}"[[' }] });
  });

  it("refuses a body over the size limit with 413, by its declared length or as it streams", async () => {
    expect(await refusal(readJsonBody(request("x".repeat(100), { "content-length": "100" }), 10))).toEqual({ status: 413, code: "payload_too_large" });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('"xxxxxxxxxx'));
        controller.close();
      },
    });
    expect(await refusal(readJsonBody(request(stream), 50))).toEqual({ status: 413, code: "payload_too_large" });
  });

  it("refuses nesting deeper than the limit with 400, whatever the brackets are inside strings", async () => {
    const at = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(await readJsonBody(request(at(MAX_DEPTH)))).toBeDefined();
    expect(await refusal(readJsonBody(request(at(MAX_DEPTH + 1))))).toEqual({ status: 400, code: "too_deep" });
    expect(await refusal(readJsonBody(request(`{"a":${"{\"b\":".repeat(10_000)}1${"}".repeat(10_000)}}`)))).toEqual({ status: 400, code: "too_deep" });
    expect(nestsDeeperThan(`["${"[".repeat(500)}\\\\", {"x": "\\"[[[["}]`, 3)).toBe(false);
  });

  it("refuses what is not JSON with 400", async () => {
    expect(await refusal(readJsonBody(request("{nope")))).toEqual({ status: 400, code: "invalid_json" });
    expect(await refusal(readJsonBody(request("")))).toEqual({ status: 400, code: "invalid_json" });
  });
});
