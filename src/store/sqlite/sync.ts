// better-sqlite3 is synchronous: each part of the SQLite store is written as plain functions
// (Sync<Port>), and open-sqlite-store.ts turns them into the async port under its mutex.

/** The synchronous twin of a port: same methods, results not wrapped in a Promise. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export type { Database as Db } from 'better-sqlite3';
