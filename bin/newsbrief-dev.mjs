#!/usr/bin/env node
// The `newsbrief` command on the TypeScript sources through tsx (`npm run dev -- <command>`, and
// the tests): no build step, slower to start than the build (dist/src/bin.js).
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
