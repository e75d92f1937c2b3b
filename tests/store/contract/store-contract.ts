// The Store contract: one suite, written against the port, run for every backend
// (tests/store/*.contract.test.ts). A runner gives a StoreFactory; every store the suite opens
// is closed after each test.
import { afterEach, describe } from 'vitest';
import type { Store } from '../../../src/app/ports.ts';
import { describeArticleContract } from './articles-contract.ts';
import { describeDigestContract } from './digests-contract.ts';
import type { StoreFactory } from './fixtures.ts';
import { describeStoriesContract } from './stories-contract.ts';
import { describeTransactionContract } from './transactions-contract.ts';

export type { StoreFactory } from './fixtures.ts';

export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    const where = new Map<Store, string>();
    const track = (s: Store, location: string): Store => {
      opened.push(s);
      where.set(s, location);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0).reverse()) await s.close();
      where.clear();
    });
    /** A new, empty database. */
    const store = async (): Promise<Store> => {
      const location = await factory.create();
      return track(await factory.open(location), location);
    };
    /** A second connection to the database of `s`. */
    const reopen = async (s: Store): Promise<Store> => {
      const location = where.get(s);
      if (location === undefined) throw new Error('reopen: not a store of this suite');
      return track(await factory.open(location), location);
    };

    describeArticleContract(store, reopen);
    describeDigestContract(store, reopen);
    describeStoriesContract(store);
    describeTransactionContract(store);
  });
}
