// Slack sends slash-command text with `&`, `<` and `>` as HTML entities (whatever
// should_escape says); the command grammar wants the characters the user typed.
export function fromSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
