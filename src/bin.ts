#!/usr/bin/env node
// The `newsbrief` command. Published as dist/src/bin.js (compiled by `npm install`'s prepare
// script, or `npm run build`); `npm run dev` runs this source through tsx (bin/newsbrief-dev.mjs).
import { runProcess } from './cli.ts';

await runProcess();
