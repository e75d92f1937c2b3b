// The stores the benchmarks run on, as openers. SQLite always; PostgreSQL when DATABASE_URL is set
// and the project has a PostgreSQL store. Adding a store is one entry in STORE_OPENERS.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../src/app/ports.ts';
import { openStore } from '../src/store/index.ts';
import { sqliteSizeMB } from './stats.ts';

export interface StoreOpener {
  name: string;
  /** Why this store is not benchmarked here, or null when it is. */
  unavailable(): Promise<string | null>;
  /** Where a fresh benchmark database goes (a file in `dir`, or a connection string). */
  target(dir: string): string;
  open(target: string): Promise<Store>;
  /** Size on disk, in MB, when it can be known. */
  sizeMB(target: string): Promise<number | null>;
}

// openStore is awaited: it stays correct when the store port becomes async.
const sqlite: StoreOpener = {
  name: 'sqlite',
  unavailable: async () => null,
  target: (dir) => join(dir, 'bench.db'),
  open: async (target) => await openStore(target),
  sizeMB: async (target) => sqliteSizeMB(target),
};

/** The PostgreSQL store, once it lands as src/store/postgres/ exporting openPostgresStore(url). */
const POSTGRES_MODULE = new URL('../src/store/postgres/index.ts', import.meta.url);
type PgModule = { openPostgresStore?: (url: string) => Store | Promise<Store> };
const postgres: StoreOpener = {
  name: 'postgres',
  unavailable: async () => {
    if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set';
    if (!existsSync(POSTGRES_MODULE)) return 'no PostgreSQL store in src/store/postgres/ yet';
    const m = (await import(POSTGRES_MODULE.href)) as PgModule;
    return typeof m.openPostgresStore === 'function' ? null : 'src/store/postgres/index.ts has no full Store yet (openPostgresStore(url))';
  },
  target: () => process.env.DATABASE_URL ?? '',
  open: async (url) => {
    const m = (await import(POSTGRES_MODULE.href)) as PgModule;
    return await m.openPostgresStore!(url);
  },
  sizeMB: async () => null,
};

export const STORE_OPENERS: StoreOpener[] = [sqlite, postgres];

export function storeOpener(name: string): StoreOpener {
  const s = STORE_OPENERS.find((o) => o.name === name);
  if (!s) throw new Error(`unknown store "${name}" (known: ${STORE_OPENERS.map((o) => o.name).join(', ')})`);
  return s;
}
