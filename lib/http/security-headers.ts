// Headers for every page: a strict Content-Security-Policy with a per-request
// nonce for Next's own scripts (no unsafe-eval outside development), no
// framing, no sniffing, a conservative referrer and permissions policy.

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean; uploadOrigin?: string | null }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (charts, virtual lists) need 'unsafe-inline'; scripts never get it.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    // The upload store, when large files go to it straight from the browser.
    `connect-src 'self'${opts.uploadOrigin ? ` ${opts.uploadOrigin}` : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-frame-options": "DENY",
};

export const HSTS = "max-age=31536000; includeSubDomains";
