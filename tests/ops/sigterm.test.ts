// The real `newsbrief start` process: the ops endpoint on METRICS_PORT, the instance id in every
// log line, and SIGTERM -> stops, exits 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cliEnv, tempDir } from '../cli/helpers.ts';

interface Bot {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  logs: () => Record<string, unknown>[];
  waitFor(pred: () => boolean, what: string): Promise<void>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function startBot(env: Record<string, string>): Bot {
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: tempDir('nb-ops-'), env: cliEnv({ LOG_LEVEL: 'info', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const logs = () => err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    child,
    stdout: () => out,
    logs,
    async waitFor(pred, what) {
      for (let i = 0; i < 600 && !pred(); i++) {
        if (child.exitCode !== null) throw new Error(`bot exited (${child.exitCode}) before ${what}:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      if (!pred()) throw new Error(`gave up waiting for ${what}:\n${err}`);
    },
  };
}

describe('newsbrief start: operations', () => {
  it('GIVEN METRICS_PORT THEN /healthz, /readyz and /metrics answer, commands are counted, and SIGTERM exits 0', async () => {
    const bot = startBot({ METRICS_PORT: '0', HOST: '127.0.0.1', INSTANCE_ID: 'ops-test-1', SEEDS_DIR: tempDir('nb-seeds-') });
    const listening = () => bot.logs().find((l) => l.msg === 'ops endpoint listening (/healthz, /readyz, /metrics)');
    await bot.waitFor(() => Boolean(listening()), 'the ops endpoint');
    const base = `http://127.0.0.1:${String(listening()!.port)}`;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, accepting: true } });

    bot.child.stdin.write('/brief\n');
    bot.child.stdin.write('/quote who:Nobody Atall\n');
    await bot.waitFor(() => bot.stdout().includes('Nobody Atall'), 'the answers');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/newsbrief_commands_total\{command="brief",outcome="ok",instance_id="ops-test-1"\} 1/);
    // an unknown speaker is the user's miss, not our failure
    expect(metrics).toMatch(/newsbrief_commands_total\{command="quote",outcome="refused",instance_id="ops-test-1"\} 1/);
    expect(metrics).toMatch(/newsbrief_command_duration_seconds_count\{instance_id="ops-test-1",command="quote"\} 1/);
    expect(metrics).toContain('newsbrief_articles_ingested_total');

    bot.child.kill('SIGTERM');
    const [code] = (await once(bot.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    const logs = bot.logs();
    expect(logs.find((l) => l.msg === 'stopping')).toBeDefined();
    // every line of the bot's own log names the instance
    expect(logs.length).toBeGreaterThan(2);
    expect(logs.filter((l) => l.instance !== 'ops-test-1')).toEqual([]);
  });

  it('GIVEN no INSTANCE_ID THEN the log names the instance host-pid', async () => {
    const bot = startBot({ SEEDS_DIR: tempDir('nb-seeds-') });
    await bot.waitFor(() => bot.logs().some((l) => l.msg === 'newsbrief started'), 'the start');
    const started = bot.logs().find((l) => l.msg === 'newsbrief started')!;
    expect(started.instance).toBe(`${hostname()}-${bot.child.pid}`);
    bot.child.kill('SIGTERM');
    const [code] = (await once(bot.child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
