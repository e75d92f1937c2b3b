// Real bot processes for the multi-instance tests: tests/fixtures/digest/run-due.ts under
// `node --import tsx`, on a shared store location (a SQLite file or a postgres:// URL), posting to
// a shared file that plays the platform.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import type { ChildMessage, PostLine, RunDueOptions } from '../fixtures/digest/run-due.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../fixtures/digest/run-due.ts', import.meta.url));
const WAIT_MS = 30_000;

export interface Bot {
  child: ChildProcess;
  waitFor<T extends ChildMessage['type']>(type: T, pred?: (m: Extract<ChildMessage, { type: T }>) => boolean): Promise<Extract<ChildMessage, { type: T }>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Call at the top of a test file: every bot still running after a test is SIGKILLed. */
export function useBots(): (o: Partial<RunDueOptions> & Pick<RunDueOptions, 'db' | 'postsFile' | 'instanceId' | 'now'>) => Bot {
  const bots: ChildProcess[] = [];
  afterEach(() => {
    for (const c of bots.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  return (o) => {
    const options: RunDueOptions = { concurrency: 4, entry: 'runDue', answerDelayMs: 0, hangAfter: null, ...o };
    const child = fork(SCRIPT, [JSON.stringify(options)], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    bots.push(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
    const messages: ChildMessage[] = [];
    const listeners = new Set<() => void>();
    child.on('message', (m) => {
      messages.push(m as ChildMessage);
      for (const l of [...listeners]) l();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
        for (const l of [...listeners]) l();
      });
    });
    const waitFor: Bot['waitFor'] = (type, pred = () => true) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find((m): m is Extract<ChildMessage, { type: typeof type }> => m.type === type && pred(m as never));
          if (hit) return done(() => resolve(hit));
          if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`${options.instanceId} exited before "${type}": ${stderr}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${options.instanceId}: no "${type}" within ${WAIT_MS} ms: ${stderr}`))), WAIT_MS);
        const done = (f: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          f();
        };
        listeners.add(check);
        check();
      });
    return { child, waitFor, exited };
  };
}

/** Bots started together: all ready, then "go" to all at once, then all done and exited 0. */
export async function runTogether(list: Bot[]): Promise<Array<Extract<ChildMessage, { type: 'done' }>>> {
  await Promise.all(list.map((b) => b.waitFor('ready')));
  for (const b of list) b.child.send('go');
  const done = await Promise.all(list.map((b) => b.waitFor('done')));
  expect(await Promise.all(list.map((b) => b.exited))).toEqual(list.map(() => ({ code: 0, signal: null })));
  return done;
}

export function readPosts(file: string): PostLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as PostLine);
}

export const channelIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `C${String(i).padStart(3, '0')}`);

export function postsPerChannel(posts: PostLine[], channels: string[]): number[] {
  return channels.map((c) => posts.filter((p) => p.channelId === c).length);
}
