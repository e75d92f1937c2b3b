// Opens the store a location names: a SQLite file path (or ':memory:'). The PostgreSQL backend
// adds postgres:// URLs here. Backends import the port (app/ports/), never the other way round.
import type { Store } from '../app/ports.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';

export async function openStore(locationOrUrl: string): Promise<Store> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(locationOrUrl) && !/^file:\/\//i.test(locationOrUrl)) {
    throw new Error(`unsupported store location: ${locationOrUrl.replace(/\/\/[^@/]*@/, '//…@')} (only a SQLite file path for now)`);
  }
  return openSqliteStore(locationOrUrl.replace(/^file:\/\//i, ''));
}
