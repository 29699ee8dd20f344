import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native module and binary-shipping packages: keep them out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"],
  poweredByHeader: false,
};

export default nextConfig;
