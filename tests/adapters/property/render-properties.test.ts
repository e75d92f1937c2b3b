// Property tests: 1,000 random and hostile replies per renderer. Every payload obeys every
// platform limit and nothing from an article or a user can trigger a mention.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH, renderText } from '../../../src/adapters/console/render.ts';
import { renderDiscord } from '../../../src/adapters/discord/render.ts';
import { moreCustomId } from '../../../src/adapters/discord/more-button.ts';
import { moreValue, renderSlack } from '../../../src/adapters/slack/render.ts';
import { message } from './arbitraries.ts';
import { discordViolations, slackViolations } from './limits.ts';

const RUNS = { numRuns: 1000 };

function moreCount(text: string): number {
  const m = /…and (\d+)\+? more/.exec(text);
  return m ? Number(m[1]) : 0;
}

describe('renderDiscord over hostile messages', () => {
  it('GIVEN any message THEN every payload obeys Discord limits, pings nobody, and every item is shown or counted', () => {
    fc.assert(
      fc.property(message, (msg) => {
        const payloads = renderDiscord(msg);
        expect(payloads.length).toBeGreaterThanOrEqual(1);
        expect(payloads.length).toBeLessThanOrEqual(3);
        for (const p of payloads) expect(discordViolations(p, msg.visibility === 'ephemeral')).toEqual([]);
        const itemEmbeds = payloads.flatMap((p) => p.embeds ?? []).filter((e) => !e.fields);
        const counted = payloads.reduce((n, p) => n + moreCount(p.content ?? ''), 0);
        expect(itemEmbeds.length + counted).toBe(msg.items.length + (msg.more ?? 0));
        // a More button exactly when there is a next page that fits a custom_id, on the last payload
        const rows = payloads.flatMap((p, i) => (p.components ?? []).map((row) => ({ row, last: i === payloads.length - 1 })));
        const id = moreCustomId(msg.paging?.next);
        expect(rows.length).toBe(id ? 1 : 0);
        for (const { row, last } of rows) {
          expect(last).toBe(true);
          expect(row.components).toEqual([{ type: 2, style: 2, label: 'More', custom_id: id }]);
          expect(id!.length).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });
});

describe('renderSlack over hostile messages', () => {
  it('GIVEN any message and share value THEN the payload obeys Block Kit limits, has no mention token from input, and escapes &<>', () => {
    fc.assert(
      fc.property(message, fc.option(fc.string({ maxLength: 2100 }), { nil: undefined }), (msg, shareValue) => {
        const payload = renderSlack(msg, shareValue === undefined ? {} : { shareValue });
        expect(slackViolations(payload, msg.visibility === 'ephemeral')).toEqual([]);
        const buttons = payload.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
        const share = msg.shareable && shareValue && shareValue.length <= 2000;
        const more = moreValue(msg.paging?.next);
        expect(buttons.map((b) => ('action_id' in b ? b.action_id : ''))).toEqual([...(more ? ['newsbrief_more'] : []), ...(share ? ['newsbrief_share'] : [])]);
        const counted = payload.blocks.map((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')).join('') : '')).reduce((n, t) => n + moreCount(t), 0);
        const itemSections = payload.blocks.filter((b) => b.type === 'section' && b.block_id?.startsWith('item-')).length;
        expect(itemSections + counted).toBe(msg.items.length + (msg.more ?? 0));
      }),
      RUNS,
    );
  });
});

describe('renderText over hostile messages', () => {
  it('GIVEN any message THEN the text has no control or bidi characters, lines fit the text width, and "…and N more" is shown', () => {
    fc.assert(
      fc.property(message, (msg) => {
        const text = renderText(msg);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        // a link stays whole on its own line so that terminals can open it
        for (const line of text.split('\n')) if (!/^ *https?:\/\/\S+$/.test(line)) expect([...line].length).toBeLessThanOrEqual(TEXT_WIDTH);
        if ((msg.more ?? 0) > 0) expect(text).toContain(`…and ${msg.more}${msg.paging?.exact === false ? '+' : ''} more`);
      }),
      RUNS,
    );
  });
});
