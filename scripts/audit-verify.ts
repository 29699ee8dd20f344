// npm run audit:verify: walks the audit log's hash chain in the database the
// server uses (DATA_DIR / DATABASE_URL) and names the first row that does not hold.
import { verifyAuditChain } from "@/lib/team/audit";

const result = await verifyAuditChain();
if (result.ok) {
  console.log(`audit log intact: ${result.rows} row(s) verified`);
} else {
  console.error(`audit log TAMPERED at row ${result.seq}: ${result.problem}`);
  process.exit(1);
}
