// Checks of rendered payloads against the platforms' limits (../shared/docs/platform.md) and
// against anything that could ping people. Written from the platforms' numbers, independently of
// the renderers' constants, and shared by the example tests and the property tests.
import type { DiscordMessagePayload } from '../../../src/adapters/discord/render.ts';
import type { SlackMessagePayload } from '../../../src/adapters/slack/render.ts';

const DISCORD_MENTION = /@everyone|@here|<@|<#|<\/|<t:|<a?:\w/i;

/** Every text of a Discord payload a user could see. */
export function discordTexts(p: DiscordMessagePayload): string[] {
  const texts: string[] = [];
  if (p.content !== undefined) texts.push(p.content);
  for (const e of p.embeds ?? []) {
    if (e.title !== undefined) texts.push(e.title);
    if (e.description !== undefined) texts.push(e.description);
    if (e.footer) texts.push(e.footer.text);
    if (e.author) texts.push(e.author.name);
    for (const f of e.fields ?? []) texts.push(f.name, f.value);
  }
  return texts;
}

/** Returns the broken rules (empty when the payload is fine). */
export function discordViolations(p: DiscordMessagePayload, ephemeral: boolean): string[] {
  const v: string[] = [];
  if (!Array.isArray(p.allowed_mentions?.parse) || p.allowed_mentions.parse.length !== 0) v.push('allowed_mentions.parse not empty');
  if ((p.flags === 64) !== ephemeral) v.push(`flags ${p.flags} for ephemeral=${ephemeral}`);
  const embeds = p.embeds ?? [];
  if ((p.content ?? '').length === 0 && embeds.length === 0) v.push('empty message');
  if ((p.content ?? '').length > 2000) v.push(`content ${p.content?.length}`);
  if (embeds.length > 10) v.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const size = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (size === 0) v.push('empty embed');
    total += size;
    if ((e.title?.length ?? 0) > 256) v.push(`title ${e.title?.length}`);
    if ((e.description?.length ?? 0) > 4096) v.push(`description ${e.description?.length}`);
    if ((e.footer?.text.length ?? 0) > 2048) v.push(`footer ${e.footer?.text.length}`);
    if (e.footer && e.footer.text.length === 0) v.push('empty footer');
    if ((e.author?.name.length ?? 0) > 256) v.push(`author ${e.author?.name.length}`);
    if ((e.fields ?? []).length > 25) v.push(`${e.fields?.length} fields`);
    for (const f of e.fields ?? []) {
      if (f.name.length === 0 || f.name.length > 256) v.push(`field name ${f.name.length}`);
      if (f.value.length === 0 || f.value.length > 1024) v.push(`field value ${f.value.length}`);
    }
    if (e.url !== undefined && !/^https?:\/\/[^\s<>|()]+$/.test(e.url)) v.push(`url ${e.url}`);
  }
  if (total > 6000) v.push(`embeds total ${total}`);
  for (const row of p.components ?? []) {
    if (row.type !== 1 || row.components.length === 0 || row.components.length > 5) v.push('bad action row');
    for (const c of row.components) {
      if (c.type !== 2) continue;
      if (!('custom_id' in c) || c.custom_id.length === 0 || c.custom_id.length > 100) v.push('custom_id length');
      if (('label' in c ? (c.label ?? '') : '').length > 80) v.push('button label length');
    }
  }
  if ((p.components ?? []).length > 5) v.push('more than 5 action rows');
  for (const t of discordTexts(p)) {
    const m = DISCORD_MENTION.exec(t);
    if (m) v.push(`mention syntax ${JSON.stringify(m[0])}`);
    if (/[\u202A-\u202E\u2066-\u2069\uFEFF\u0000-\u0008\u000B-\u001F]/.test(t)) v.push('control or bidi character');
  }
  return v;
}

/** Every text of a Slack payload: the fallback, and each text object in the blocks. */
export function slackTexts(p: SlackMessagePayload): { kind: string; text: string }[] {
  const texts = [{ kind: 'fallback', text: p.text }];
  for (const b of p.blocks) {
    if (b.type === 'header') texts.push({ kind: 'header', text: b.text.text });
    if (b.type === 'section' && b.text) texts.push({ kind: 'section', text: b.text.text });
    if (b.type === 'context') for (const e of b.elements) if ('text' in e && typeof e.text === 'string') texts.push({ kind: 'context', text: e.text });
    if (b.type === 'actions') for (const e of b.elements) if (e.type === 'button') texts.push({ kind: 'button', text: e.text.text });
  }
  return texts;
}

/** Our own markup: links `<https://…|label>` and a blockquote `> ` at a line start. */
const OWN_LINK = /<https?:\/\/[^\s<>|]+\|[^<>]*>/g;

export function slackViolations(p: SlackMessagePayload, ephemeral: boolean): string[] {
  const v: string[] = [];
  if ('link_names' in p) v.push('link_names set');
  if (p.response_type !== (ephemeral ? 'ephemeral' : 'in_channel')) v.push(`response_type ${p.response_type}`);
  if (p.text.length === 0 || p.text.length > 3000) v.push(`text ${p.text.length}`);
  if (p.blocks.length === 0 || p.blocks.length > 50) v.push(`${p.blocks.length} blocks`);
  const total = slackTexts(p).filter((t) => t.kind !== 'fallback').reduce((n, t) => n + t.text.length, 0);
  if (total > 12000) v.push(`block text ${total}`);
  for (const b of p.blocks) {
    if (b.type === 'header' && (b.text.text.length === 0 || b.text.text.length > 150)) v.push(`header ${b.text.text.length}`);
    if (b.type === 'header' && b.text.type !== 'plain_text') v.push('header not plain_text');
    if (b.type === 'section' && (!b.text || b.text.text.length === 0 || b.text.text.length > 3000)) v.push(`section ${b.text?.text.length}`);
    if (b.type === 'context') {
      if (b.elements.length === 0 || b.elements.length > 10) v.push(`context ${b.elements.length} elements`);
      for (const e of b.elements) if ('text' in e && typeof e.text === 'string' && (e.text.length === 0 || e.text.length > 2000)) v.push(`context text ${e.text.length}`);
    }
    if (b.type === 'actions') {
      for (const e of b.elements) {
        if (e.type !== 'button') continue;
        if (e.action_id !== 'newsbrief_share' && e.action_id !== 'newsbrief_more') v.push(`action_id ${e.action_id}`);
        if ((e.value ?? '').length > 2000) v.push(`button value ${(e.value ?? '').length}`);
      }
    }
  }
  for (const { kind, text } of slackTexts(p)) {
    if (kind === 'button') continue;
    if (kind !== 'header') {
      // mrkdwn and the fallback: every & < > from input is an entity
      const withoutOwnMarkup = text.replace(OWN_LINK, 'LINK').replace(/^> /gm, '');
      if (/[<>]/.test(withoutOwnMarkup)) v.push(`raw < or > in ${kind}: ${JSON.stringify(withoutOwnMarkup.slice(0, 80))}`);
      if (/&(?!amp;|lt;|gt;)/.test(text)) v.push(`raw & in ${kind}`);
    }
    if (/<[!@#]/.test(text)) v.push(`special token in ${kind}`);
    if (/@(channel|here|everyone)/i.test(text.replace(OWN_LINK, (link) => link.slice(link.indexOf('|'))))) v.push(`bare @channel/@here/@everyone in ${kind}`);
    if (/[\u202A-\u202E\u2066-\u2069\uFEFF\u0000-\u0008\u000B-\u001F]/.test(text)) v.push(`control or bidi character in ${kind}`);
  }
  return v;
}
