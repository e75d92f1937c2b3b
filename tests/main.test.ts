// main.ts owns the process's one scheduler: the digest service's jobs live in it, and stopping
// the bot stops every job in it (also jobs other services added).
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { startBot } from '../src/main.ts';
import { createScheduler } from '../src/scheduler/node-cron-scheduler.ts';

describe('startBot and the scheduler', () => {
  it('GIVEN a bot started with a scheduler THEN the digest sweep is a digest: job in it, and stop ends every job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-main-'));
    mkdirSync(join(dir, 'seeds'));
    const config = loadConfig({ NEWSBRIEF_DB: join(dir, 'test.db'), SEEDS_DIR: join(dir, 'seeds'), LOG_LEVEL: 'silent' });
    const scheduler = createScheduler({ logger: silentLogger });
    const bot = await startBot({ config, logger: silentLogger, scheduler });
    scheduler.every('feeds:poll', 60_000, async () => undefined);
    expect([...scheduler.jobs().keys()]).toEqual(['digest:sweep']);
    expect([...scheduler.intervals().keys()]).toEqual(['feeds:poll']);
    await bot.stop();
    expect(scheduler.jobs().size).toBe(0);
    expect(scheduler.intervals().size).toBe(0);
  });
});
