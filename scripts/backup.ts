// npm run backup [-- <folder>]: a consistent snapshot of the database (safe while
// the server runs) and every upload, with a sha256 manifest.
import { createBackup } from "@/lib/backup/backup";

const { dir, manifest } = await createBackup(process.argv[2]);
console.log(`backup written to ${dir}: database ${manifest.database.bytes} bytes (migration ${manifest.migration}), ${manifest.uploads.length} upload(s)`);
