import type { Migration } from './index.ts';

export const articlesSchema: Migration = { version: 1, name: 'articles', sql: '' };
