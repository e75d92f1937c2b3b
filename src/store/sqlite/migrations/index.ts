// Ordered schema migrations. Each runs once, in its own transaction, recorded in schema_migrations.
// Keep SQL portable where it costs nothing (a PostgreSQL store will follow); SQLite-only parts
// (FTS5, triggers) stay in their own migration.
import { articlesSchema } from './001-articles.ts';
import { digestsSchema } from './002-digests.ts';
import { storiesSchema } from './004-stories.ts';

import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

export const migrations: Migration[] = [articlesSchema, digestsSchema, storiesSchema];
