// Text that is not news: page furniture, calls to action, prompts to readers and reader comments.
// Each class is a small table of patterns over one sentence; a "Have your say" heading also
// marks everything after it as readers' comments. Pure.

export type NotNews = 'furniture' | 'call-to-action' | 'reader-prompt' | 'reader-comment' | 'byline';

const CLASSES: [NotNews, RegExp[]][] = [
  [
    'furniture',
    [
      /scroll down for (?:video|more)/i,
      /^(?:read more|read:|related:|related articles?|see also|watch:|video:|audio:|advertisement|share this|share on|image caption|media playback)/i,
      /^(?:photo|image|picture|pictured|file photo|credit|source)s?\s*[:(]/i,
      /\b(?:getty images|reuters\/|ap photo|afp\/|pa wire)\b/i,
      /^(?:updated|published|last (?:modified|updated))\b.*\d/i,
      /^(?:copyright|©)|all rights reserved/i,
      // the site describing its own page: "The BBC News website takes a look at…", "This page is best viewed…"
      /^(?:The |This )?(?:[A-Z][\w.]*\s)*(?:[Nn]ews )?(?:website|site|page|programme) (?:takes a look|looks at|brings you|has compiled|rounds up)/,
      /^this (?:page|article|story) (?:is|was|will be|has been) (?:updated|best viewed|printed|shared)/i,
      /@\w+\s*$/,
    ],
  ],
  [
    'call-to-action',
    [
      /^(?:click|tap|press) (?:here|on (?:the )?(?:link|image|button|picture))/i,
      /\b(?:click|tap) here (?:to|for)\b/i,
      /^(?:follow (?:us|@)|sign up|subscribe|download (?:our|the) app|like us on|join (?:us|the conversation))/i,
      /^(?:get in touch|e-?mail us|send (?:us )?your (?:pictures|photos|videos|views|comments|stories))/i,
    ],
  ],
  [
    'reader-prompt',
    [
      // "Are you affected by…? Tell us", "Have you been…?", "Were you there?", "Do you have a story?"
      /^(?:are|were|have|do|did|would|will) you\b[^.!]*\?/i,
      /^(?:what do you think|what are your (?:views|thoughts)|tell us (?:what you think|your story)|let us know)/i,
      /\b(?:share your (?:story|experience|views)|send us your comments|have your say)\b/i,
    ],
  ],
  ['byline', [/^By\s*\.?\s*(?:[A-Z][\w'’.-]*\s*){1,4}\.?\s*$/, /^by \.\s/i]],
];

/** The class of a sentence that is not news, or null for news text. */
export function notNewsClass(text: string): NotNews | null {
  const t = text.trim();
  for (const [name, patterns] of CLASSES) if (patterns.some((re) => re.test(t))) return name;
  if (isReaderComment(t)) return 'reader-comment';
  return null;
}

// one regex for the case-blind patterns, one for those where capitals matter ("The X website…", "By Anna Berg")
const ALL = CLASSES.flatMap(([, res]) => res);
const ANY_CASELESS = new RegExp(ALL.filter((re) => re.flags.includes('i')).map((re) => `(?:${re.source})`).join('|'), 'i');
const ANY_CASED = new RegExp(ALL.filter((re) => !re.flags.includes('i')).map((re) => `(?:${re.source})`).join('|'));

/** Page furniture, a call to action, a prompt to readers, a byline or a reader's comment. */
export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  return ANY_CASELESS.test(t) || ANY_CASED.test(t) || isReaderComment(t);
}

/** A reader's comment as sites print them: the comment, then the reader's name and place ("… Dave, Leeds"). */
function isReaderComment(text: string): boolean {
  if (!/\p{L}$/u.test(text) || text.indexOf(',') < 0) return false; // a signature ends in a place name, after a comma
  return /[.!?]["”’']?\s+\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2},\s*\p{Lu}[\p{L} ]{1,30}(?:,\s*\p{Lu}[\p{L} ]{1,20})?$/u.test(text);
}

/** A heading that opens the readers' section: everything after it is comments, not the story. */
export function opensReaderSection(text: string): boolean {
  return /^(?:have your say|your (?:views|comments|say)|readers'? comments|comments|what you said|send us your comments|you said)\b[^.]{0,40}[:.!]?$/i.test(text.trim());
}
