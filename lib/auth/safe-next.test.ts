import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("post-sign-in destinations", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeNext("/history?q=a%20b#top")).toBe("/history?q=a%20b#top");
    expect(safeNext("/compare?t=openrouter::qwen%2Fqwen3.5-flash")).toBe("/compare?t=openrouter::qwen%2Fqwen3.5-flash");
  });

  it.each(["//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example", "/\\/evil.example", "https://evil.example", "javascript:alert(1)", " /x", "/ /x", "", 42, null, undefined, ["/x"]])(
    "sends %j to /",
    (next) => {
      expect(safeNext(next)).toBe("/");
    },
  );
});
