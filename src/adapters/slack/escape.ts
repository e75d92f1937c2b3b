// Slack escaping of text that came from an article or a user: `&`, `<` and `>` become entities,
// which also disarms every special token (`<!channel>`, `<!here>`, `<!everyone>`, `<@U…>`, `<#C…>`,
// `<!subteam^…>`, `<url|text>`). We never set link_names, and a zero-width space keeps a bare
// `@channel`/`@here`/`@everyone` from being linked by any client that would.
import { sanitizeLine, sanitizeText } from '../../core/sanitize.ts';

export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=channel|here|everyone)/gi, '@\u200B');
}

/**
 * For plain_text objects (the header): Slack does not parse markup there, so text is shown as
 * written (no entities, which could show up literally); a zero-width space still keeps anything
 * that looks like a special token (`<!channel>`, `<@U…>`, `<#C…>`) or `@here` from being one.
 */
export function slackPlain(raw: string): string {
  return sanitizeLine(raw)
    .replace(/<(?=[!@#])/g, '<\u200B')
    .replace(/@(?=channel|here|everyone)/gi, '@\u200B');
}

/** Sanitises then escapes multi-line article or user text for mrkdwn. */
export function slackText(raw: string): string {
  return escapeSlack(sanitizeText(raw));
}

/** One line (headlines, names), escaped for mrkdwn or plain_text. */
export function slackLine(raw: string): string {
  return escapeSlack(sanitizeLine(raw));
}

/**
 * A link `<url|label>` when the URL is http(s) (already made safe by safeHttpUrl, so it has no
 * `|`, `<` or `>`), else just the label. The label must already be escaped.
 */
export function slackLink(url: string | null, escapedLabel: string): string {
  if (!url) return escapedLabel;
  return `<${url.replace(/&/g, '&amp;')}|${escapedLabel}>`;
}
