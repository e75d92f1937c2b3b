/** One schema migration: runs once, in its own transaction, recorded in schema_migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
