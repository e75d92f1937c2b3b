// Discord sharding: two instances split four shards (DISCORD_SHARDS / DISCORD_SHARD_COUNT)
// against one fake gateway; every shard identifies once, and commands on any shard are answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type RunningDiscord } from '../../../src/adapters/discord/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.ts';
import { discordConfig, recordingApp } from '../../fakes/discord/harness.ts';
import { interactionPayload } from '../../fakes/discord/interactions.ts';

describe('Discord shards split across two instances', () => {
  let fake: FakeDiscord;
  const bots: RunningDiscord[] = [];
  const apps = [recordingApp(), recordingApp()];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    // each instance's shard list comes from its own environment, as in production
    const shardsOf = (list: string) => loadConfig({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_SHARD_COUNT: '4', DISCORD_SHARDS: list }).discord!.shards;
    const started = await Promise.all(['0,1', '2-3'].map((list, i) =>
      startDiscord({ config: discordConfig(fake, { shards: shardsOf(list) }), app: apps[i]!, logger: silentLogger })));
    bots.push(...started);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await fake.close();
  });

  it('GIVEN DISCORD_SHARDS 0,1 and 2-3 of 4 THEN each shard identified exactly once with its [id, count]', () => {
    const shards = fake.gateway.stats.identifies.map((d) => d.shard as [number, number]);
    expect(shards.sort((a, b) => a[0] - b[0])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]]);
  });

  it.each([0, 1, 2, 3])('GIVEN a command dispatched on shard %i THEN it is answered, by the instance running that shard', async (shard) => {
    const payload = interactionPayload(fake.identity, { command: 'brief' });
    const before = apps.map((a) => a.calls.length);
    fake.gateway.dispatchToShard(shard, 'INTERACTION_CREATE', payload);
    const answer = await fake.waitForRequest((r) => r.path.includes(`/interactions/${payload.id}/`), 10_000);
    expect(answer.method).toBe('POST');
    const owner = shard < 2 ? 0 : 1;
    expect(apps[owner]!.calls.length).toBe(before[owner]! + 1);
    expect(apps[1 - owner]!.calls.length).toBe(before[1 - owner]!);
  });
});

describe('shard configuration', () => {
  it.each([
    [{ DISCORD_SHARD_COUNT: '3' }, { ids: [0, 1, 2], count: 3 }],
    [{ DISCORD_SHARD_COUNT: '8', DISCORD_SHARDS: '1, 4-6' }, { ids: [1, 4, 5, 6], count: 8 }],
    [{}, null],
  ])('GIVEN %o THEN the instance runs %o', (env, shards) => {
    expect(loadConfig({ DISCORD_TOKEN: 't', ...env }).discord?.shards).toEqual(shards);
  });

  it.each([
    [{ DISCORD_SHARDS: '0,1' }, /DISCORD_SHARD_COUNT: is required/],
    [{ DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: '1,2' }, /DISCORD_SHARDS: shard ids must be below DISCORD_SHARD_COUNT \(2\); got 2/],
    [{ DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: 'one' }, /DISCORD_SHARDS: must be shard ids/],
    [{ DISCORD_SHARD_COUNT: '0' }, /DISCORD_SHARD_COUNT/],
  ])('GIVEN %o THEN the error names the variable', (env, err) => {
    expect(() => loadConfig({ DISCORD_TOKEN: 't', ...env })).toThrow(err);
  });
});
