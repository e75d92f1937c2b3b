#!/usr/bin/env node
// Entry point of the `newsbrief` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// A reader that stops early (`newsbrief extract ... | head`) closes our stdout: end quietly, as
// Unix tools do on a broken pipe (exit status 141 = 128 + SIGPIPE), instead of crashing with a
// stack trace. Every article already stored is committed: each is its own transaction.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(141);
  throw err;
});

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
