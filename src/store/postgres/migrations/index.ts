// Ordered PostgreSQL migrations, applied by migrate.ts under an advisory lock.
import { articlesSchema } from './001-articles.ts';
import { digestsSchema } from './002-digests.ts';
import { slackInstallationsSchema } from './003-slack-installations.ts';
import { articleSearchSchema } from './004-article-search.ts';
import { rateBudgetsSchema } from './005-rate-budgets.ts';
import { storiesSchema } from './006-stories.ts';
import { sourcesSchema } from './007-sources.ts';

import type { PgMigration } from './migration.ts';

export type { PgMigration };

export const pgMigrations: PgMigration[] = [articlesSchema, digestsSchema, slackInstallationsSchema, articleSearchSchema, rateBudgetsSchema, storiesSchema, sourcesSchema];
