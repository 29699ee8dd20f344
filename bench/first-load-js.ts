// First Load JS per page (prints numbers; not a test), as Next.js counts it:
// the scripts a page needs before it can run (the framework's main chunks,
// the root layout's and the page's own), gzip-compressed. Chunks loaded on
// demand (next/dynamic, React.lazy) are not part of it. Next 16 with
// Turbopack no longer prints this table at build time, so it is read from the
// build's client reference manifests.
//
// Usage: npm run build && npm run bench:bundle
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const LIMIT_KB = 200;

function gzipKb(file: string): number {
  return gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
}

/** Every page's client reference manifest under .next/server/app. */
function pageManifests(dir = path.join(dist, "server", "app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageManifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

function entryFiles(manifestFile: string): { route: string; files: string[] } {
  const sandbox = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(sandbox);
  const [route, manifest] = Object.entries(sandbox.__RSC_MANIFEST)[0]!;
  // The entries are the root layout, the page and its segments' layouts (and Next's error boundary, shared).
  return { route: route.replace(/\/page$/, "") || "/", files: [...new Set(Object.values(manifest.entryJSFiles).flat())] };
}

function main() {
  const build = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const shared = build.rootMainFiles;
  const sharedKb = shared.reduce((n, f) => n + gzipKb(f), 0);
  const rows = pageManifests()
    .map(entryFiles)
    .filter(({ route }) => !route.startsWith("/_"))
    .map(({ route, files }) => {
      const own = files.filter((f) => !shared.includes(f));
      const kb = sharedKb + own.reduce((n, f) => n + gzipKb(f), 0);
      return { route, kb };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  console.log(`framework chunks shared by every page: ${sharedKb.toFixed(1)} kB gzip\n`);
  console.log(`| page | First Load JS (kB gzip) | within ${LIMIT_KB} kB |\n|---|---|---|`);
  for (const { route, kb } of rows) console.log(`| ${route} | ${kb.toFixed(1)} | ${kb <= LIMIT_KB ? "yes" : `no (+${(kb - LIMIT_KB).toFixed(1)})`} |`);
}

main();
