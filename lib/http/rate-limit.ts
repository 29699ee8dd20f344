import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { firstRow, getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "./app-error";

/**
 * A fixed-window counter in the database (so it holds across instances):
 * throws 429 with the seconds to wait once `max` hits fall in one window.
 */
export async function hitRateLimit(key: string, windowMs: number, max: number, now = Date.now()): Promise<void> {
  const db = await getDb();
  const row = await firstRow<{ count: number; lastRequest: number }>(db, sql`
    insert into ${rateLimits} (id, key, count, last_request) values (${randomUUID()}, ${`app:${key}`}, 1, ${now})
    on conflict(key) do update set
      count = case when ${now} - last_request >= ${windowMs} then 1 else count + 1 end,
      last_request = case when ${now} - last_request >= ${windowMs} then ${now} else last_request end
    returning count, last_request as lastRequest`);
  if (row && row.count > max) {
    const retryAfterS = Math.max(1, Math.ceil((row.lastRequest + windowMs - now) / 1000));
    throw new AppError("rate_limited", `Too many attempts. Try again in ${retryAfterS} s.`, undefined, { "retry-after": String(retryAfterS) });
  }
}
