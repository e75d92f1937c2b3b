// The Store contract on the SQLite backend, each test on a fresh temp file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { describeStoreContract } from './contract/store-contract.ts';

describeStoreContract('SQLite', {
  create: async () => join(mkdtempSync(join(tmpdir(), 'nb-contract-')), 'test.db'),
  open: (path) => openStore(path),
});
