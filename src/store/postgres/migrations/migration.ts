// One numbered PostgreSQL migration (applied by migrate.ts).
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}
