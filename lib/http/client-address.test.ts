import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, isHttps, publicOrigin } from "./client-address";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/runs/x/share", { headers });

describe("who is asking, and at which address", () => {
  it("a client cannot claim to be local: without TRUST_PROXY only the socket's address counts", () => {
    delete process.env.TRUST_PROXY;
    const headers = new Headers({ "x-forwarded-for": "127.0.0.1", "x-playground-peer": "203.0.113.9" });
    expect(clientAddress(headers)).toBe("203.0.113.9");
    process.env.TRUST_PROXY = "true";
    expect(clientAddress(headers)).toBe("127.0.0.1");
  });

  it("share links use PUBLIC_URL, else the address the user opened, never Next's own localhost", () => {
    delete process.env.PUBLIC_URL;
    delete process.env.TRUST_PROXY;
    expect(publicOrigin(request({ host: "play.internal:8080" }))).toBe("http://play.internal:8080");
    expect(publicOrigin(request({ host: "play.internal:8080", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }))).toBe("http://play.internal:8080");
    process.env.TRUST_PROXY = "true";
    expect(publicOrigin(request({ host: "127.0.0.1:3000", "x-forwarded-host": "play.example.com", "x-forwarded-proto": "https" }))).toBe("https://play.example.com");
    process.env.PUBLIC_URL = "https://playground.example.com/";
    expect(publicOrigin(request({ host: "127.0.0.1:3000" }))).toBe("https://playground.example.com");
    expect(isHttps(new Headers())).toBe(true);
  });
});
