// The More button under a paged answer (/brief, /quote): a message component whose custom_id is
// `more:` and the next page's command in the text grammar (`more:/brief topic:oil page:2`).
// Pressing it re-runs that command (runCommand: validation and permissions apply again) and
// shows the page only to whoever pressed it. A custom_id is user input: checked on receipt.
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import { formatCommandText } from '../../app/command-text.ts';
import type { NextPage } from '../../core/message.ts';

export const MORE_PREFIX = 'more:';
/** Discord's limit on a custom_id. */
export const MAX_CUSTOM_ID = 100;
/** Button style 2 = secondary (grey); component types 1 = action row, 2 = button. */
const SECONDARY = 2;

/** The command text of the next page, or null when it cannot be written back as text. */
export function nextPageText(next: NextPage | null | undefined): string | null {
  return next ? formatCommandText(next.command, null, next.options) : null;
}

/** The custom_id of a More button for this next page, or null when it would not fit in 100 characters. */
export function moreCustomId(next: NextPage | null | undefined): string | null {
  const text = nextPageText(next);
  const id = text ? `${MORE_PREFIX}${text}` : null;
  return id && id.length <= MAX_CUSTOM_ID ? id : null;
}

export function moreRow(customId: string): APIActionRowComponent<APIComponentInMessageActionRow> {
  return { type: 1, components: [{ type: 2, style: SECONDARY, label: 'More', custom_id: customId }] };
}

/** The command text a More button carries, or null when the custom_id is not one of ours (or too long). */
export function commandOfCustomId(customId: unknown): string | null {
  if (typeof customId !== 'string' || customId.length > MAX_CUSTOM_ID || !customId.startsWith(MORE_PREFIX)) return null;
  const text = customId.slice(MORE_PREFIX.length).trim();
  return text.startsWith('/') && text.length > 1 ? text : null;
}
