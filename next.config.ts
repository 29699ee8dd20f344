import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native module and binary-shipping packages: keep them out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"],
  poweredByHeader: false,
  // Pages get these from proxy.ts along with their CSP; API answers and static files get them here.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
