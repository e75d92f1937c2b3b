// Query latency of the commands through the path the adapters use: the app's handler
// (createApp().handle / .autocomplete) and the platform renderers (Discord and Slack), on a
// store that already holds the archive. Inputs vary from call to call (topics, speakers,
// prefixes being typed), taken from what the store holds.
import { createApp } from '../src/app/handle-command.ts';
import { parseCommandText } from '../src/app/command-text.ts';
import { suggestSpeakers } from '../src/app/speakers/find-speakers.ts';
import type { CommandContext } from '../src/app/invocation.ts';
import type { Store } from '../src/app/ports.ts';
import { renderDiscord } from '../src/adapters/discord/render.ts';
import { renderSlack } from '../src/adapters/slack/render.ts';
import { silentLogger } from '../src/logger.ts';
import { nowMs, percentile, round } from './stats.ts';

export interface LatencyRow {
  store: string;
  articles: number;
  command: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

export const COMMANDS = ['/brief', '/brief topic:', '/quote who:', '/quote about:', 'who autocomplete'] as const;

const TOPICS = ['election', 'economy', 'film', 'music', 'mobile phone', 'football', 'oil prices', 'tax', 'broadband', 'champions league', 'labour party', 'games'];
const CTX: CommandContext = { platform: 'discord', channelId: '400000000000000001', userId: '1', workspaceId: null, canManageChannel: false };
const quoted = (s: string) => `"${s.replace(/"/g, '')}"`;

async function inputs(store: Store): Promise<Record<(typeof COMMANDS)[number], string[]>> {
  const speakers = (await suggestSpeakers(store, '', 40)).filter((s) => s.quoteCount > 0);
  const about: string[] = [];
  for (const s of speakers.slice(0, 20)) {
    const [q] = await store.quotesBySpeakers({ speakerIds: [s.speakerId], limit: 1 });
    const word = q?.text.split(/[^\p{L}]+/u).find((w) => w.length >= 6);
    if (word) about.push(`/quote who:${quoted(s.name)} about:${word.toLowerCase()}`);
  }
  const names = speakers.map((s) => s.name);
  return {
    '/brief': ['/brief'],
    '/brief topic:': TOPICS.map((t) => `/brief topic:${quoted(t)}`),
    // full names and bare surnames, as people type them
    '/quote who:': names.flatMap((n) => [`/quote who:${quoted(n)}`, `/quote who:${quoted(n.split(' ').pop()!)}`]),
    '/quote about:': about.length ? about : ['/quote who:Blair about:election'],
    // a name being typed: 1 to 4 letters
    'who autocomplete': names.slice(0, 10).flatMap((n) => [1, 2, 3, 4].map((k) => n.slice(0, k))),
  };
}

/** Times each command `reps` times (after a warm-up) and returns its percentiles in ms. */
export async function measureLatency(store: Store, storeName: string, articles: number, reps: number): Promise<LatencyRow[]> {
  const app = createApp({ store, clock: { now: () => new Date() }, logger: silentLogger });
  const byCommand = await inputs(store);
  const rows: LatencyRow[] = [];
  for (const command of COMMANDS) {
    const list = byCommand[command];
    const once = async (k: number) => {
      const text = list[k % list.length]!;
      if (command === 'who autocomplete') {
        const choices = await app.autocomplete('quote', 'who', text);
        return choices.length;
      }
      const message = await app.handle(parseCommandText(text), CTX);
      return renderDiscord(message).length + renderSlack(message).blocks.length;
    };
    for (let k = 0; k < Math.min(20, reps); k++) await once(k);
    const samples: number[] = [];
    for (let k = 0; k < reps; k++) {
      const t0 = nowMs();
      await once(k);
      samples.push(nowMs() - t0);
    }
    rows.push({
      store: storeName,
      articles,
      command,
      p50: round(percentile(samples, 50), 3),
      p95: round(percentile(samples, 95), 3),
      p99: round(percentile(samples, 99), 3),
      max: round(Math.max(...samples), 3),
      samples: samples.length,
    });
  }
  return rows;
}
