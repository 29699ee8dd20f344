import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // A second build beside the usual one (the Vercel-mode e2e test builds into .next-vercel).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A self-contained server for the container image (node .next/standalone/server.js).
  // Only on request: `next start` (npm start) warns about it, and Vercel packages functions its own way.
  output: process.env.NEXT_OUTPUT === "standalone" && !process.env.VERCEL ? "standalone" : undefined,
  // Native module and binary-shipping packages: keep them out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@libsql/client", "libsql", "@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"],
  // Read from disk at run time, so tracing cannot see them: migrations, and the
  // platform packages that libsql, ffmpeg and ffprobe pick by name (glibc Linux: the image's).
  outputFileTracingIncludes: {
    "/**": ["./db/migrations/**/*", "./node_modules/@libsql/linux-x64-gnu/**/*", "./node_modules/@ffmpeg-installer/linux-x64/**/*", "./node_modules/@ffprobe-installer/linux-x64/**/*"],
  },
  poweredByHeader: false,
  // The e2e suite's build: npm test has already run tsc over the same files, so the build's own pass is skipped.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Pages get these from proxy.ts along with their CSP; API answers and static files get them here.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
