const BASE = "http://same-origin.invalid";

/** Control characters, space and DEL, which browsers strip or mangle, and the backslash they read as a slash. */
const unsafeCharacter = (c: string) => c.charCodeAt(0) <= 0x20 || c === "\u007f" || c === "\\";

/**
 * Only a path on this site may be a post-sign-in destination (no open redirect).
 * Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example`
 * would become `//evil.example`: anything with such a character goes to `/`, and
 * what is left must resolve to this origin.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || [...next].some(unsafeCharacter)) return "/";
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
