const BASE = "http://same-origin.invalid";

/**
 * Only a path on this site may be a post-sign-in destination (no open redirect).
 * Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example`
 * would become `//evil.example`: anything with such a character goes to `/`, and
 * what is left must resolve to this origin.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(next)) return "/";
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
