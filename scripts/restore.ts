// npm run restore -- <backup folder or .tar.gz>: verify, migrate a copy, swap it in (stop the server first).
import { restoreBackup } from "@/lib/backup/backup";
import { backupFolderFrom } from "@/lib/backup/backup-archive";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run restore -- <backup folder, or the .tar.gz downloaded from /admin>");
  process.exit(2);
}
try {
  const unpacked = await backupFolderFrom(dir);
  const { previous, manifest } = await restoreBackup(unpacked.dir).finally(unpacked.cleanup);
  console.log(`restored the backup of ${manifest.createdAt} (${manifest.uploads.length} upload(s))${previous ? `; the previous database is kept as ${previous}` : ""}`);
} catch (error) {
  console.error(`restore refused: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
