// npm run restore -- <backup folder>: verify, migrate a copy, swap it in (stop the server first).
import { restoreBackup } from "@/lib/backup/backup";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run restore -- <backup folder>");
  process.exit(2);
}
try {
  const { previous, manifest } = await restoreBackup(dir);
  console.log(`restored the backup of ${manifest.createdAt} (${manifest.uploads.length} upload(s))${previous ? `; the previous database is kept as ${previous}` : ""}`);
} catch (error) {
  console.error(`restore refused: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
