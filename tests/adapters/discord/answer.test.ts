// The 3-second policy and visibility rules, with a recording responder (no network).
import { describe, expect, it } from 'vitest';
import { answerInteraction, directAnswerBudget, type InteractionResponder } from '../../../src/adapters/discord/answer.ts';
import type { DiscordMessagePayload } from '../../../src/adapters/discord/render.ts';
import type { Message } from '../../../src/core/message.ts';
import { silentLogger } from '../../../src/logger.ts';

type Step = [string, DiscordMessagePayload | boolean | null];

function recorder(): InteractionResponder & { steps: Step[] } {
  const steps: Step[] = [];
  return {
    steps,
    reply: async (p) => void steps.push(['reply', p]),
    defer: async (e) => void steps.push(['defer', e]),
    editOriginal: async (p) => void steps.push(['edit', p]),
    deleteOriginal: async () => void steps.push(['delete', null]),
    followUp: async (p) => void steps.push(['followUp', p]),
  };
}

const pub: Message = { visibility: 'public', title: 'Latest briefing', items: [] };
const eph: Message = { visibility: 'ephemeral', items: [], notice: { tone: 'warning', text: 'No such speaker' } };
const later = (m: Message) => () => new Promise<Message>((r) => setTimeout(() => r(m), 60));
const flagsOf = (s: Step | undefined) => ((s?.[1] as DiscordMessagePayload | undefined)?.flags ?? 0) & 64;

describe('answerInteraction', () => {
  it.each([
    { name: 'GIVEN a quick public answer THEN a public reply', command: 'brief', run: async () => pub, kinds: ['reply'], ephemeral: [0] },
    { name: 'GIVEN a quick ephemeral answer THEN an ephemeral reply', command: 'quote', run: async () => eph, kinds: ['reply'], ephemeral: [64] },
    { name: 'GIVEN a slow public /brief THEN a public defer then the edit', command: 'brief', run: later(pub), kinds: ['defer', 'edit'], ephemeral: [0, 0] },
    { name: 'GIVEN a slow ephemeral /quote THEN defer, delete the placeholder, ephemeral follow-up', command: 'quote', run: later(eph), kinds: ['defer', 'delete', 'followUp'], ephemeral: [0, 0, 64] },
    { name: 'GIVEN a slow /digest THEN an ephemeral defer then the edit', command: 'digest', run: later(eph), kinds: ['defer', 'edit'], ephemeral: [0, 0] },
  ])('$name', async ({ command, run, kinds, ephemeral }) => {
    const r = recorder();
    await answerInteraction({ responder: r, run, command, logger: silentLogger, deferAfterMs: 20 });
    expect(r.steps.map((s) => s[0])).toEqual(kinds);
    expect(r.steps.map(flagsOf)).toEqual(ephemeral);
    if (r.steps[0]?.[0] === 'defer') expect(r.steps[0][1]).toBe(command === 'digest');
    for (const [, p] of r.steps) if (p && typeof p === 'object') expect(p.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN the answer throws THEN an ephemeral generic reply with a correlation id', async () => {
    const r = recorder();
    await answerInteraction({ responder: r, run: async () => Promise.reject(new Error('boom secret')), command: 'brief', logger: silentLogger });
    const text = JSON.stringify(r.steps);
    expect(r.steps.map((s) => s[0])).toEqual(['reply']);
    expect(flagsOf(r.steps[0])).toBe(64);
    expect(text).not.toContain('boom secret');
    expect(text).toMatch(/[0-9a-f]{8}/);
  });
});

describe('directAnswerBudget', () => {
  const now = () => 1_000_000;
  it.each([
    { name: 'GIVEN no creation time THEN the configured wait', opts: { deferAfterMs: 1500 }, expected: 1500 },
    { name: 'GIVEN an interaction created just now THEN the configured wait', opts: { deferAfterMs: 1500, createdAt: 1_000_000, now }, expected: 1500 },
    { name: 'GIVEN an interaction that reached us 1 s late THEN only what is left of 2 s', opts: { deferAfterMs: 1500, createdAt: 999_000, now }, expected: 1000 },
    { name: 'GIVEN an interaction older than 2 s THEN defer at once', opts: { deferAfterMs: 1500, createdAt: 990_000, now }, expected: 0 },
  ])('$name', ({ opts, expected }) => {
    expect(directAnswerBudget(opts)).toBe(expected);
  });
});
