// The one list of titles and honorifics written before a name ("Mr", "Sen.", "Prime Minister",
// "Lt. Gen.", "former"), grouped by what they are. Lowercase; a trailing full stop marks a form
// that is written abbreviated with a full stop ("Sen. Jones"), which the sentence splitter needs.
// Consumers: the sentence splitter (abbreviated forms), the quote extractor (every group: a title
// run before a name names no one on its own), speaker names (forms of address, offices, ranks and
// qualifiers are dropped from the front of a name) and the speaker identity rules. Pure data.

/** Forms of address: "Mr", "Dame", "the Rev", "the Rt Hon". */
const HONORIFIC_WORDS = [
  'mr.', 'mrs.', 'ms.', 'miss', 'mx.', 'dr.', 'prof.', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev.', 'reverend', 'revd.',
  'fr.', 'father', 'messrs.', 'mme.', 'mlle.', 'hon.', 'rt.',
];

/** Offices held by one person: "President", "Sen.", "Mayor", "Cllr". */
const OFFICE_WORDS = [
  'president', 'pres.', 'prime', 'minister', 'secretary', 'sec.', 'sen.', 'senator', 'rep.', 'reps.', 'representative',
  'congressman', 'congresswoman', 'gov.', 'governor', 'judge', 'justice', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'mayor', 'ambassador', 'amb.', 'chairman', 'chairwoman', 'chair', 'speaker', 'leader', 'chief', 'director', 'commissioner',
  'attorney', 'atty.', 'pope', 'sheikh', 'emir', 'premier', 'mp', 'mep', 'cllr.', 'councillor', 'del',
];

/** Military and police ranks: "Lt. Gen.", "Det. Insp.", "Sgt". */
const RANK_WORDS = [
  'lt.', 'gen.', 'general', 'col.', 'colonel', 'maj.', 'major', 'capt.', 'captain', 'cpt.', 'cmdr.', 'cdr.', 'adm.', 'admiral',
  'brig.', 'sgt.', 'sergeant', 'cpl.', 'pvt.', 'pte.', 'supt.', 'insp.', 'det.', 'inspector', 'superintendent', 'detective',
];

/** Words that qualify a title: "former", "Vice", "acting". */
const QUALIFIER_WORDS = ['former', 'retired', 'vice', 'deputy', 'acting', 'interim'];

/** Job words used as a title before a name in news copy: "campaign manager Robby X", "spokesman Y". */
const JOB_TITLE_WORDS = [
  'candidate', 'nominee', 'coach', 'manager', 'spokesman', 'spokeswoman', 'spokesperson', 'officer', 'head', 'founder', 'ceo',
  'executive', 'officials', 'official', 'fellow',
];

/** Portfolio words inside an office: "Foreign Secretary", "State Senator". */
const PORTFOLIO_WORDS = ['state', 'foreign', 'defense', 'defence', 'finance'];

/** Party labels used as a title before a name: "Labour MP", "Republican Sen.". */
const PARTY_WORDS = [
  'gop', 'democratic', 'republican', 'dem', 'democrat', 'libertarian', 'independent', 'labour', 'tory', 'conservative', 'liberal',
  'green',
];

const bareWord = (w: string): string => w.replace(/\.$/, '');
const setOf = (...groups: ReadonlyArray<readonly string[]>): ReadonlySet<string> => new Set(groups.flat().map(bareWord));

/** Forms of address ("mr", "dame", "rev"). */
export const HONORIFICS: ReadonlySet<string> = setOf(HONORIFIC_WORDS);

/** Titles a person's name may be written with and that are not part of the name: address, office, rank, qualifier. */
export const PERSONAL_TITLES: ReadonlySet<string> = setOf(HONORIFIC_WORDS, OFFICE_WORDS, RANK_WORDS, QUALIFIER_WORDS);

/** Every word that may stand in a title run before a name, including job, portfolio and party words. */
export const TITLE_WORDS: ReadonlySet<string> = setOf(HONORIFIC_WORDS, OFFICE_WORDS, RANK_WORDS, QUALIFIER_WORDS, JOB_TITLE_WORDS, PORTFOLIO_WORDS, PARTY_WORDS);

/** Titles written abbreviated with a full stop ("Mr.", "Sen.", "Lt."): the stop never ends a sentence. */
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(
  [HONORIFIC_WORDS, OFFICE_WORDS, RANK_WORDS].flat().filter((w) => w.endsWith('.')).map(bareWord),
);

/** A word (any case, with or without its full stop) is a title or honorific. */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(bareWord(word.toLowerCase()));
}
