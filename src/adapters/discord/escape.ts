// Discord escaping of text that came from an article or a user. allowed_mentions { parse: [] } is
// sent with every payload as well; this keeps mention and markdown syntax from ever appearing.
import { sanitizeLine, sanitizeText } from '../../core/sanitize.ts';

const ZWSP = '\u200B';

/**
 * Neutralises mention syntax with a zero-width space: `@everyone`/`@here` become `@\u200Beveryone`,
 * and `<` before anything that could start a token (`<@id>`, `<@!id>`, `<@&id>`, `<#id>`,
 * `</cmd:id>`, `<t:…>`, `<:emoji:id>`, `<a:…>`, `<https://…>`) becomes `<\u200B`.
 * For plain-text fields (footer, author) where markdown is not rendered.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=everyone|here)/gi, `@${ZWSP}`).replace(/<(?=\S)/g, `<${ZWSP}`);
}

/**
 * Escapes Discord markdown (bold, italics, underline, strike, spoilers, code, masked links `[t](u)`
 * (escaping the brackets is enough),
 * headings, lists, block quotes, subtext) with backslashes, and neutralises mentions.
 * Text must already be sanitised (see sanitizeText).
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    // line-start syntax: "# heading", "-# subtext", "- item", "* item", "> quote", "1. item"
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
  return neutraliseMentions(escaped);
}

/** Sanitises then escapes article or user text for a markdown field (content, description, field value, title). */
export function discordText(raw: string): string {
  return escapeMarkdown(sanitizeText(raw));
}

/** One line (titles, names): newlines collapsed, then escaped. */
export function discordLine(raw: string): string {
  return escapeMarkdown(sanitizeLine(raw));
}

/** Plain-text fields (footer, author name): no markdown there, but mentions are still neutralised. */
export function discordPlain(raw: string): string {
  return neutraliseMentions(sanitizeLine(raw));
}
