// Seeds the configured database (DATA_DIR, or DATABASE_URL=file:...) with
// synthetic runs, so the history and cost pages can be seen full.
// Usage: SEED_RUNS=100000 npm run seed:history
import { databaseFile } from "../db/index";
import { seedRuns } from "./seed-runs";

await seedRuns(databaseFile(), Number(process.env.SEED_RUNS ?? 100_000));
