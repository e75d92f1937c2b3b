import type { PgMigration } from './migration.ts';

// The shared request budget (rate-budget.ts): one token bucket row per platform and token.
export const rateBudgetsSchema: PgMigration = {
  version: 5,
  name: 'rate budgets shared by instances',
  sql: `
CREATE TABLE rate_budgets (
  key         TEXT PRIMARY KEY,
  tokens      DOUBLE PRECISION NOT NULL,
  refilled_at TIMESTAMPTZ NOT NULL
);
`,
};
