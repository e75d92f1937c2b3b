// End to end: signed slash commands over HTTP to the real Bolt app, started by startBot as in
// production (temp SQLite db, seeds folder), answering at a local response_url.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness } from '../../fakes/slack/bot-harness.ts';
import { SIGNING_SECRET } from '../../fakes/slack/harness.ts';
import type { SlackHarness } from '../../fakes/slack/harness.ts';
import { allText, findButton, payloadText } from '../../fakes/slack/payload-text.ts';
import { sendSlashCommand, TEST_IDS } from '../../fakes/slack/signed-requests.ts';

let h: SlackHarness;
let seeds: string;

beforeAll(async () => {
  // the shipped seed article plus a fixture whose quotes try to ping the channel
  seeds = mkdtempSync(join(tmpdir(), 'newsbrief-slack-seeds-'));
  for (const f of readdirSync('seeds')) copyFileSync(join('seeds', f), join(seeds, f));
  copyFileSync('tests/fixtures/slack/seeds/putin-hostile.txt', join(seeds, 'putin-hostile.txt'));
  h = await startBotHarness(seeds);
});

afterAll(async () => {
  await h?.close();
  rmSync(seeds, { recursive: true, force: true });
});

async function command(cmd: string, text: string) {
  const url = h.responses.newUrl();
  const ack = await sendSlashCommand(h.eventsUrl, SIGNING_SECRET, { command: cmd, text, response_url: url });
  const [answer] = await h.responses.waitFor(url);
  return { ack, answer: answer!.body, url };
}

describe('GIVEN /quote who:Putin over the seeded articles', () => {
  it('THEN the command is acked with an empty 200 and the answer arrives at the response_url, only for the asker', async () => {
    const { ack, answer } = await command('/quote', 'who:Putin');
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');
    expect(answer['response_type']).toBe('ephemeral');
    const text = allText(answer);
    expect(text).toContain('Putin');
    // a quotation from the shipped seed article
    expect(text).toContain('peace plan put forward by China');
  });

  it('THEN article text that tries to ping is escaped: no <!channel>, <!here> or <@U…> mention survives and & is escaped', async () => {
    const { answer } = await command('/quote', 'who:Putin');
    const { mrkdwn } = payloadText(answer);
    const joined = mrkdwn.join('\n');
    expect(joined).toContain('Talks with Kyiv');
    for (const s of mrkdwn) {
      expect(s).not.toMatch(/<!(channel|here|everyone)/);
      expect(s).not.toContain('<@U999BAD>');
      expect(s).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it('THEN the answer offers a Share button that carries the command', async () => {
    const { answer } = await command('/quote', 'who:Putin');
    expect(findButton(answer, 'newsbrief_share')).toEqual({ value: '/quote who:Putin' });
  });
});

describe('GIVEN the other lookups', () => {
  it.each([
    { cmd: '/brief', text: '', expectText: 'Putin and Xi' },
    { cmd: '/quote', text: 'Putin', expectText: 'Putin' },
    { cmd: '/help', text: '', expectText: '/quote' },
  ])('WHEN $cmd $text THEN the answer is for the asker only, with a Share button', async ({ cmd, text, expectText }) => {
    const { answer } = await command(cmd, text);
    expect(answer['response_type']).toBe('ephemeral');
    expect(allText(answer)).toContain(expectText);
    expect(findButton(answer, 'newsbrief_share')?.value).toBe(`${cmd} ${text}`.trim());
  });
});

describe('GIVEN a user mistake', () => {
  it.each([
    { name: 'an unknown option', cmd: '/quote', text: 'who:Putin colour:red' },
    { name: 'a count out of range', cmd: '/brief', text: 'count:99' },
    { name: 'a speaker nobody quoted', cmd: '/quote', text: 'who:Zzyzx Qwertyuiop' },
  ])('WHEN $name THEN a friendly reply reaches only that user, without a Share button', async ({ cmd, text }) => {
    const { ack, answer } = await command(cmd, text);
    expect(ack.status).toBe(200);
    expect(answer['response_type']).toBe('ephemeral');
    expect(allText(answer).length).toBeGreaterThan(0);
    expect(findButton(answer, 'newsbrief_share')).toBeNull();
  });
});

describe('GIVEN /digest subscribe', () => {
  it('THEN the App answer reaches the user, as the App made it, without a Share button', async () => {
    const { ack, answer } = await command('/digest', 'subscribe time:08:00 timezone:Europe/London');
    expect(ack.status).toBe(200);
    expect(['ephemeral', 'in_channel']).toContain(answer['response_type']);
    expect(allText(answer).length).toBeGreaterThan(0);
    expect(findButton(answer, 'newsbrief_share')).toBeNull();
  });
});

describe('GIVEN /digest subscribe in a channel', () => {
  it('THEN the subscription is stored: /digest status in that channel shows its time and timezone', async () => {
    const sub = await command('/digest', 'subscribe time:07:45 timezone:Europe/London');
    expect(allText(sub.answer)).toMatch(/digest (set up|updated)/i);
    const { answer } = await command('/digest', 'status');
    const text = allText(answer);
    expect(text).toContain('07:45');
    expect(text).toContain('Europe/London');
  });

  it('WHEN /digest now THEN the digest is posted to the channel through the Slack publisher', async () => {
    await command('/digest', 'subscribe time:07:45 timezone:Europe/London');
    const before = h.api.callsTo('chat.postMessage').length;
    await command('/digest', 'now');
    const posts = await h.api.waitForCalls('chat.postMessage', before + 1);
    const post = posts[before]!;
    expect(post.params['channel']).toBe(TEST_IDS.channel);
    expect(allText(post.params)).toContain('Putin');
  });
});

describe('GIVEN a request Slack did not sign', () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    { name: 'a bad signature', sign: () => ({ secret: 'not-the-signing-secret' }) },
    { name: 'a timestamp older than 5 minutes', sign: () => ({ timestamp: now() - 6 * 60 }) },
  ])('WHEN it has $name THEN Bolt answers 401 and nothing is answered', async ({ sign }) => {
    const rejectedUrl = h.responses.newUrl();
    const res = await sendSlashCommand(h.eventsUrl, SIGNING_SECRET, { command: '/quote', text: 'who:Putin', response_url: rejectedUrl }, sign());
    expect(res.status).toBe(401);
    // a properly signed command sent afterwards is answered; the rejected one never is
    const { answer } = await command('/help', '');
    expect(answer).toBeDefined();
    expect(h.responses.postsTo(rejectedUrl)).toEqual([]);
  });
});

describe('GIVEN the Slack publisher the bot hands to the digests', () => {
  it('WHEN chat.postMessage is ratelimited once (Retry-After: 1) THEN the digest is posted after the wait', async () => {
    h.api.fail('chat.postMessage', { kind: 'ratelimit', retryAfterSeconds: 1 });
    const before = h.api.callsTo('chat.postMessage').length;
    const { messageId } = await h.publisher.publish(TEST_IDS.channel, { visibility: 'public', title: 'Morning digest', items: [] });
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(h.api.callsTo('chat.postMessage').length - before).toBe(2);
  });

  it('WHEN the bot was removed from the channel THEN the failure is permanent', async () => {
    h.api.fail('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    await expect(h.publisher.publish(TEST_IDS.channel, { visibility: 'public', title: 'Morning digest', items: [] })).rejects.toMatchObject({
      permanent: true,
      reason: 'not_in_channel',
    });
  });
});
