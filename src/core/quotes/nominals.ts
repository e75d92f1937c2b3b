// Descriptions as speakers: "the Russian president", "the firm", "UKIP officials", "the 22-year-old".
import type { Entity, Registry } from './entities.ts';
import { FIRST_NAMES, ORG_WORDS, ROLE_NOUNS, TITLES } from './lexicon.ts';
import { isNationalityNoun } from './names.ts';

const GENERIC_ORGS = /^(?:firm|company|group|body|watchdog|regulator|panel|channel|broadcaster|network|club|organisation|organization|agency|report|study|survey|carrier|retailer|airline|bank|charity|giant|maker|label)$/;
const ANONYMOUS = /^(?:spokes(?:man|woman|person)|source|official|aide|adviser|advisor|president|chancellor|king|queen|pope|premier|judge|police|officer)$/;

/** The entity a description (`np`, its determiner-free words; `text`, as written) refers to at `pos`. */
export function resolveNominal(reg: Registry, np: string, text: string, pos: number, sentence: number): Entity | null {
  const byRole = reg.resolveNominal(np, pos);
  if (byRole) return byRole;
  const head = np.split(/\s+/).pop()!.toLowerCase();
  const definite = /^(?:the|this|that)\s/i.test(text);
  if (definite && ORG_WORDS.has(head)) {
    // "the Commons science and technology committee", then "the committee".
    const org = reg.resolveOrgHead(head, pos);
    if (org) return org;
    if (/\p{Lu}/u.test(np)) return reg.lookup(np, pos, true);
  }
  // "the firm", "the watchdog", "the report": the organisation the last sentences are about.
  if (definite && GENERIC_ORGS.test(head) && np.split(/\s+/).length <= 3) {
    const org = reg.resolveOrgHead(head, pos) ?? reg.resolveRecentOrg(pos, sentence, 3);
    if (org) return org;
  }
  // "The world indoor champion said" with no such role on record: the person the last sentences are about,
  // except for anonymous roles and heads of state, who are usually someone else.
  if (definite && (ROLE_NOUNS.has(head) || TITLES.has(head) || /^(?:\d+-)?year-old$/.test(head) || isNationalityNoun(np)) && np.split(/\s+/).length <= 4 && !ANONYMOUS.test(head) && !/prime minister$/i.test(np)) return reg.resolveSalient(pos, sentence);
  // ("a Conservative party spokesman": the lowercase "party" belongs to the organisation's name.)
  // ("A Department for Education and Skills spokeswoman": connectors may join the name's capitalised words.)
  const org = /^(\p{Lu}[\p{L}.'’-]*?(?:\s+(?:(?:of|for|and|the|on)\s+)*\p{Lu}[\p{L}.'’-]*?)*(?:\s+party)?)(?:['’]s)?\s+([\p{Ll}-]+)$/u.exec(np);
  if (!org?.[1] || !org[2]) return null;
  // "the Clinton campaign" speaks as the campaign; "the IMF report" as the IMF.
  if (/^(?:campaign|administration|government|team|office|ministry)$/.test(org[2])) return reg.lookup(`${org[1]} ${org[2]}`, pos, true);
  // "UKIP officials", "a Jive spokeswoman": staff speak for their organisation (not for a person: "a Clinton aide").
  if (/^(?:officials|spokes(?:man|woman|person)|sources|executives|bosses|staff|insiders)$/.test(org[2])) {
    const known = reg.lookup(org[1], pos, false);
    // A body the article has not named before ("Unison officials" opening a sentence) is an organisation.
    const body = known ?? reg.lookup(org[1], pos, true);
    if (body && !known && body.kind === 'person') body.kind = 'organisation';
    if (body && (body.kind === 'organisation' || (body.kind === 'person' && body.gender === null && body.words.length === 1 && !FIRST_NAMES.has(body.words[0]!) && body.roles.length === 0))) return body;
    // Organisations and spokespeople: "a Lakeside Ferries spokesman" speaks for a body the article named as
    // a name without a first name; it is an organisation.
    if (body && /^spokes/.test(org[2]) && body.kind === 'person' && body.gender === null && body.roles.length === 0 && !FIRST_NAMES.has(body.words[0]!)) {
      body.kind = 'organisation';
      return body;
    }
  }
  if (/^(?:report|statement|website|study|analysis|survey|poll|letter|document|release|memo|filing|lawsuit|complaint|ruling|decision|announcement|declaration|communique|spokesman|spokeswoman|spokesperson)$/.test(org[2]) && !/^(?:spokes)/.test(org[2])) return reg.lookup(org[1], pos, false);
  return null;
}
