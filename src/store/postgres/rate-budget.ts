// The shared rate budget on PostgreSQL: a token bucket row per key, refilled and debited in one
// atomic upsert (the row lock orders concurrent instances). The balance may go negative: a
// request is then reserved, and its caller waits until the bucket would have refilled to it,
// which spaces all instances' requests at `perSecond` together. Time is the server's clock
// (clock_timestamp()), the one clock every instance shares.
import type { RateBudget } from '../../app/ports.ts';
import type { Sql } from './sql.ts';

export function createPgRateBudget(db: Sql): RateBudget {
  return {
    async take(key, perSecond, burst) {
      const r = await db.query<{ tokens: number }>(
        `INSERT INTO rate_budgets AS b (key, tokens, refilled_at) VALUES ($1, $3::float8 - 1, clock_timestamp())
         ON CONFLICT (key) DO UPDATE SET
           tokens = LEAST($3::float8, b.tokens + EXTRACT(EPOCH FROM (clock_timestamp() - b.refilled_at)) * $2::float8) - 1,
           refilled_at = clock_timestamp()
         RETURNING tokens`,
        [key, perSecond, burst],
      );
      const tokens = r.rows[0]!.tokens;
      return tokens >= 0 ? 0 : Math.ceil((-tokens / perSecond) * 1000);
    },
  };
}
