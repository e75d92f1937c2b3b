// Word lists for quote attribution: speech verbs, titles, pronouns, name stop words, first names.
// Pure data; small on purpose (general English news vocabulary, not tuned to any article).
import { TITLE_WORDS } from '../titles.ts';

const VERB_STEMS: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  speak: ['spoke', 'speaks'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  call: ['call', 'calls', 'called', 'calling'],
  read: ['reads'],
};
const REGULAR = [
  'add', 'warn', 'insist', 'argue', 'explain', 'note', 'state', 'tweet', 'reply', 'declare', 'claim', 'continue',
  'respond', 'announce', 'acknowledge', 'admit', 'assert', 'complain', 'concede', 'confirm', 'contend', 'deny',
  'describe', 'emphasize', 'emphasise', 'observe', 'predict', 'promise', 'recall', 'remark', 'report', 'reiterate',
  'repeat', 'stress', 'suggest', 'urge', 'vow', 'quip', 'joke', 'boast', 'charge', 'counter', 'shout', 'yell', 'post',
  'accuse', 'praise', 'testify', 'conclude', 'caution', 'mock', 'muse', 'hail', 'dub', 'brand', 'label', 'blast',
  'slam', 'criticize', 'criticise', 'pledge', 'threaten', 'allege', 'maintain', 'recount', 'characterize',
  'characterise', 'gush', 'tout', 'proclaim', 'speculate', 'lament', 'wonder', 'chant', 'scream', 'retort', 'answer',
  'interject', 'exclaim', 'whisper', 'mutter', 'sigh', 'laugh', 'agree', 'disagree', 'object', 'demand', 'plead',
  'concur', 'comment', 'opine', 'reason', 'affirm', 'assure', 'inform', 'advise', 'recommend',
  'propose', 'question', 'refer', 'cite', 'quote', 'decry', 'denounce', 'condemn', 'defend', 'dismiss',
  'ridicule', 'tease', 'thank', 'welcome', 'applaud', 'vouch', 'underscore', 'highlight', 'point', 'announc',
  'reveal', 'confess', 'elaborate', 'clarify', 'correct', 'estimate', 'forecast', 'express', 'share', 'recite', 'pray', 'snap',
  'fire', 'bristle', 'fume', 'rage', 'rail', 'exhort', 'liken', 'talk', 'attack', 'reference', 'rule', 'rate', 'admire', 'compare', 'laud', 'dismiss', 'brush', 'scoff', 'sneer', 'huff', 'grumble', 'crow', 'brag',
];

function inflect(stem: string): string[] {
  const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
  const doubled = /^(?:dub|quip|snap|slam|brag|admit|refer|regret|commit|permit|submit|rebut|jab|blog|chat|plan|stop)$/.test(stem) ? stem + stem.slice(-1) : base;
  const ed = stem.endsWith('e') ? stem + 'd' : stem.endsWith('y') && !/[aeiou]y$/.test(stem) ? stem.slice(0, -1) + 'ied' : doubled + 'ed';
  const s = /(?:s|sh|ch|x|z)$/.test(stem) ? stem + 'es' : stem.endsWith('y') && !/[aeiou]y$/.test(stem) ? stem.slice(0, -1) + 'ies' : stem + 's';
  const ing = doubled === stem + stem.slice(-1) ? doubled + 'ing' : base + 'ing';
  return [stem, s, ed, ing];
}

/** Every inflected speech verb form, lowercase. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...Object.values(VERB_STEMS).flat(),
  ...REGULAR.flatMap(inflect),
]);

/** Verbs that usually introduce direct speech and are strong evidence on their own. */
export const STRONG_VERBS: ReadonlySet<string> = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'write', 'writes',
  'wrote', 'writing', 'ask', 'asks', 'asked', 'asking', 'tweet', 'tweets', 'tweeted', 'tweeting', 'reply', 'replies',
  'replied', 'respond', 'responds', 'responded', 'continue', 'continues', 'continued', 'explain', 'explains', 'explained',
  'insist', 'insists', 'insisted', 'warn', 'warns', 'warned', 'argue', 'argues', 'argued', 'note', 'notes', 'noted',
  'declare', 'declares', 'declared', 'claim', 'claims', 'claimed', 'state', 'states', 'stated', 'report', 'reports', 'reported',
]);

/** Words between a subject and its verb that do not end the subject ("Putin also said"). */
export const AUX_ADVERBS: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'previously', 'recently', 'once', 'again',
  'reportedly', 'simply', 'just', 'quickly', 'repeatedly', 'frequently', 'often', 'never', 'ever', 'publicly', 'privately',
  'flatly', 'will', 'would', 'could', 'did', 'does', 'do', 'earlier', 'first', 'further', 'recently', 'even', 'still',
  'only', 'already', 'famously', 'bluntly', 'angrily', 'sharply', 'openly', 'herself', 'himself', 'themselves', 'itself',
  'subsequently', 'separately', 'initially', 'finally', 'ultimately', 'in', 'on', 'at', 'this', 'last', 'the', 'week',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'morning', 'evening', 'afternoon', 'night', 'may', 'might', 'should', 'has', 'been', 'being', 'had', 'not',
]);

export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we', 'it']);

/** Titles and honorifics that may precede a name; lowercase, without the dot (the one list, in core/titles.ts). */
export const TITLES: ReadonlySet<string> = TITLE_WORDS;

/** Honorifics that tell a person's gender. */
export const MALE_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'congressman', 'chairman', 'spokesman', 'pope', 'sheikh', 'emir']);
export const FEMALE_HONORIFICS: ReadonlySet<string> = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'congresswoman', 'chairwoman', 'spokeswoman']);

/** Abbreviations after which a period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'lt', 'gen', 'col', 'maj', 'capt', 'adm', 'sgt', 'st', 'jr', 'sr',
  'rev', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'no', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'd.c', 'a.m', 'p.m', 'e.g', 'i.e', 'mt', 'ft', 'ave', 'blvd', 'fig', 'al', 'approx', 'dept', 'univ',
  'calif', 'fla', 'ind', 'ill', 'wis', 'mich', 'pa', 'va', 'ga', 'n.y', 'n.j', 'n.c', 's.c', 'mass', 'conn', 'ariz', 'colo',
  'tenn', 'ky', 'la', 'md', 'mo', 'minn', 'nev', 'okla', 'ore', 'wash', 'ala', 'ark', 'del', 'kan', 'neb', 'miss', 'supt', 'insp', 'det',
]);

/** Capitalised words that are not names (sentence openers, months, days, function words). */
export const NOT_NAME: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'of', 'to', 'from', 'with', 'by', 'as', 'if',
  'when', 'while', 'after', 'before', 'since', 'because', 'although', 'though', 'then', 'that', 'this', 'these', 'those',
  'there', 'here', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'what',
  'who', 'why', 'how', 'where', 'which', 'meanwhile', 'however', 'still', 'also', 'now', 'today', 'yesterday', 'asked',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
  'not', 'no', 'yes', 'one', 'two', 'some', 'many', 'most', 'all', 'both', 'each', 'every', 'other', 'another', 'such',
  'instead', 'indeed', 'even', 'just', 'only', 'asked', 'speaking', 'according', 'last', 'next', 'earlier', 'later', 'like',
  'unlike', 'despite', 'during', 'without', 'within', 'about', 'over', 'under', 'into', 'through', 'against', 'among',
  'perhaps', 'maybe', 'well', 'oh', 'ok', 'okay', 'read', 'watch', 'update', 'updated', 'photo', 'video', 'several', 'few',
]);

/** Head nouns of organisations and places that talk ("the White House said"). */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  'house', 'party', 'committee', 'post', 'times', 'news', 'campaign', 'department', 'ministry', 'council', 'court', 'union',
  'bank', 'fund', 'agency', 'office', 'university', 'institute', 'association', 'foundation', 'network', 'service', 'corp',
  'inc', 'group', 'kremlin', 'pentagon', 'government', 'administration', 'commission', 'board', 'company', 'journal',
  'tribune', 'herald', 'guardian', 'telegraph', 'press', 'reuters', 'cnn', 'nbc', 'abc', 'cbs', 'fox', 'msnbc', 'bbc',
  'npr', 'ap', 'afp', 'congress', 'senate', 'parliament', 'army', 'police', 'nato', 'un', 'eu', 'fbi', 'cia', 'dnc', 'rnc',
  'gop', 'politifact', 'club', 'team', 'league', 'federation', 'center', 'centre', 'organization', 'organisation', 'airlines',
  'motors', 'systems', 'media', 'magazine', 'review', 'street', 'hall', 'authority', 'assembly', 'cabinet', 'embassy',
  'coalition', 'alliance', 'movement', 'society', 'trust', 'society', 'ltd', 'plc', 'group', 'project', 'watch', 'poll',
  'survey', 'daily', 'weekly', 'chronicle', 'gazette', 'examiner', 'observer', 'economist', 'globe', 'star', 'sun', 'mirror',
  'express', 'mail', 'politico', 'breitbart', 'huffpost', 'axios', 'twitter', 'facebook', 'google', 'microsoft', 'apple',
  'championships', 'championship', 'cup', 'games', 'olympics', 'series', 'awards', 'festival', 'conference', 'summit',
  'forum', 'school', 'college', 'hospital', 'church', 'museum', 'gallery', 'stadium', 'airport', 'station', 'exchange',
  'commons', 'lords', 'navy', 'forces', 'treasury', 'tories', 'labour', 'conservatives', 'democrats', 'republicans',
  'prix', 'tournament', 'open', 'fc', 'united', 'city', 'rovers', 'athletic', 'institute', 'lab', 'laboratories', 'studio',
  'studios', 'records', 'pictures', 'bureau', 'directorate', 'ministry', 'parliament', 'senate', 'bbc', 'itv', 'sky',
]);

/** Common first names with the gender they usually carry. */
const MALE_FIRST = 'aaron adam alan albert alex alexander alexei ali andrew andy angus anthony antonio barack ben benjamin bernie bill billy bob boris brad brian bruce carl carlos charles charlie chris christopher chuck colin craig dan daniel dave david dennis derek dmitry don donald doug douglas drew ed eddie edward emmanuel eric frank fred gary george gerald gordon graham greg gregory harry henry howard ian jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jordan jose joseph josh juan justin keith ken kenneth kevin kim kurt larry lee leo lindsey luis marco mark martin matt matthew max michael mike mitch mitt mohammed muhammad nathan neil newt nick nigel olaf oliver omar pat patrick paul peter phil philip ralph randy ray reince rex richard rick rob robert robby roger ron ronald rudy rudolph rush ryan sam samuel scott sean sergei sergey shinzo stephen steve steven stuart ted terry thomas tim timothy todd tom tony victor vladimir volodymyr walter wayne william xi emmanuel fumio rishi keir narendra recep benjamin mahmoud jens olaf pedro giorgia viktor andrzej'.split(' ');
const MALE_MORE = 'abdul abe adrian ahmed aidan alan alberto alec alejandro alfred allen alvin amir andre andres angelo antoine anton archie arnold arthur austin barry bart ben bennett bernard bert bobby boyd brandon brendan brent brett bryan byron caleb calvin cameron carlos carter cecil cedric chad charlie chester christian clarence clark claude clay clayton clifford clint clyde cody cole conor connor cory curtis dale dallas damian damon dane danny darius darren darryl dean devin dick dirk dominic donnie dwight earl eddie edgar edmund eduardo edwin eli elijah elliot elmer emil emilio enrique ernest ernie ethan eugene evan felix fernando floyd francis francisco franklin freddie gabriel gareth gavin gene geoffrey gerard gilbert glen glenn grant guy hank hans harold harvey hector herbert herman homer horace hugh hugo ike isaac ivan jackson jamal jamie javier jay jeremiah jerome jesse jesus jimmie joaquin joey johan jorge josue julian julius karl kenny kent kirk kyle lamar lance larry lars lawrence leon leonard leroy lester lewis lincoln lloyd logan lorenzo louis lucas luke lyndon malcolm manuel marc marcus mario marshall marvin mason maurice melvin micah miguel miles milton mitchell mohamed morgan morris moses murray nate neal ned nelson noah norman otis owen pablo patrick percy perry pete preston quentin rafael ralph ramon randall raul reggie reginald rene reuben ricardo rocco rod rodney roland roman ross roy ruben rufus russell salvador sammy santiago saul seth shane shawn sidney simon spencer stanley stefan sterling stewart sylvester terrence theodore tobias toby travis trevor troy tyler vernon vince vincent wade wallace warren wesley wilbur will willie wilson winston wyatt xavier zachary rusty norman dante kerr jimmy marco rand reince hakeem mitch chuck newt elijah jeh ash beto cory deval tulsi pete andrew kevin luther'.split(' ');
const FEMALE_MORE = 'abby ada adele adriana agnes aileen aimee alexandra alexis alison allison alma alyssa amber amelia ana andrea angelina anita annie antoinette april ariana arlene ashley audrey autumn ava barbara beatrice becky belinda bernadette beth bethany betsy bianca bonnie brenda briana bridget brittany brooke camila candace cara carla carmen carolyn carrie cassandra cecilia celeste charlene charlotte chloe christy cindy clara claudia colleen connie courtney crystal daisy danielle darlene dawn debra delores denise diane dolores dora doris dorothy edith eileen elaine eleanor elena elise ella ellie eloise elsa emilia erica erin esther ethel eva evelyn faith fiona florence frances francesca gabriela gabrielle gail georgia geraldine gladys gloria grace gwen gwendolyn harriet hazel heidi helena holly ida ingrid irene iris isabel isabella jackie jacqueline jade janice jasmine jean jeanne jenna jenny jill jo joan joann jocelyn josephine joy joyce juanita judy julianne june justine kara karla katie kayla kim kimberly kristen kristin lana latoya laurie leah leslie lillian lily lindsay lois lorraine lucia lucy lydia lynn mabel madeline madison mae maggie mandy marcia margarita marian marilyn marion marjorie marlene martina maureen maxine megan melanie melinda mercedes meredith mia michele mildred miranda miriam molly monica muriel nadia naomi natasha nina nora norma olga paige patty pauline pearl peggy penny phyllis priscilla rachael ramona regina renee rita roberta robin rosa rosalind rosemary roxanne ruby sabrina sadie sara selena serena shannon sherry shirley sonia sonya stacy stella sylvia tamara tanya tara teresa terri tiffany tracy valeria vanessa vera veronica vicki viola vivian wanda whitney wilma yolanda yvette zelda tyresha debbie loretta gwen elizabeth kirsten tammy dianne kellyanne huma omarosa hope sheryl jeanne kamala stephanie'.split(' ');
const FEMALE_FIRST = 'abigail alice alicia amanda amy andrea angela ann anna anne barbara betsy betty beverly carly carol caroline catherine cheryl chelsea christina christine claire condoleezza cynthia dana debbie deborah diana diane donna elizabeth ellen emily emma gennifer gina hannah heather helen hillary huma ivanka jane janet jennifer jessica jill joan joanne judith judy julia julie karen kate katherine kathleen kathy kay kellyanne kelly kirsten laura lauren linda lisa liz lori louise margaret maria marie marine martha mary megyn melania melissa michelle nancy natalie nicola nikki olivia pam pamela patricia paula rachel rebecca rose ruth sally samantha sandra sarah sharon sheila sophie stephanie sue susan suzanne tammy theresa tina ursula valerie victoria virginia wendy yvonne zoe kamala liz jacinda angela ursula sanna giorgia'.split(' ');
/** More British and Irish first names. */
const MALE_UK = 'liam alistair alastair iain hamish rhodri dafydd menzies seamus sean declan ciaran eamonn gerry dermot niall kieran rory callum euan fraser duncan hywel gwyn emlyn digby jeremy ruud thierry arsene jose rafa sven wayne frank steven rio sol'.split(' ');
const FEMALE_UK = 'cherie carole gillian lesley tracey nicole tessa ruth jacqui estelle clare patricia glenys theresa harriet margaret shirley bridget siobhan niamh aoife sinead mairead fiona morag kirsty ffion cerys bethan rhian nicola'.split(' ');

/** Names given to both men and women: no evidence either way. */
const UNISEX = new Set('kim robin morgan dana kelly lee pat terry jamie casey taylor jackie frankie billie bobbie sidney lynn marion carroll shannon jo'.split(' '));
export const FIRST_NAMES: ReadonlyMap<string, 'male' | 'female'> = new Map(
  [
    ...[...MALE_FIRST, ...MALE_MORE, ...MALE_UK].map((n) => [n, 'male'] as const),
    ...[...FEMALE_FIRST, ...FEMALE_MORE, ...FEMALE_UK].map((n) => [n, 'female'] as const),
  ].filter(([n]) => !UNISEX.has(n)),
);

/** Nouns that name a role when they stand right before a name ("campaign manager Robby Mook"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(('leader president minister spokesman spokeswoman spokesperson manager chairman chairwoman chair director ' +
  'secretary official adviser advisor aide executive founder head chief candidate nominee senator governor mayor lawmaker economist analyst ' +
  'professor expert engineer lawyer attorney judge ambassador commander general officer activist author writer journalist reporter host ' +
  'anchor coach player striker captain member owner partner worker teacher doctor scientist researcher strategist pollster surrogate ally ' +
  'rival opponent critic supporter veteran widow widower mother father son daughter wife husband sister brother chancellor premier king queen ' +
  'prince princess envoy diplomat negotiator commissioner superintendent inspector detective sergeant constable prosecutor defender ' +
  'representative congressman congresswoman councillor councilman councilwoman trustee president-elect vice-president ceo cfo boss star ' +
  'singer actor actress comedian presenter commentator columnist editor historian physician surgeon nurse pastor priest rabbi imam bishop ' +
  'cardinal pope chair co-founder entrepreneur investor banker trader student organizer organiser campaigner protester resident farmer ' +
  'owner operator pilot driver officer colonel lieutenant major admiral marshal minister-president deputy whip speaker treasurer ' +
  'controller auditor administrator regulator commissioner delegate senator-elect hopeful challenger incumbent solicitor barrister ' +
  'counsel spokesperson consultant chef designer director-general governor-general secretary-general manager analyst producer ' +
  'film-maker filmmaker musician champion medallist medalist winner runner athlete sprinter hurdler swimmer cyclist boxer golfer ' +
  'moderator panelist interviewer narrator announcer correspondent pundit commentator blogger columnist judge juror witness victim survivor ' +
  'manager midfielder defender goalkeeper forward batsman bowler fly-half winger skipper chairman novelist poet playwright artist photographer ' +
  'youngster teenager newcomer debutant rookie veteran frontman guitarist drummer bassist rapper director-general backbencher').split(/\s+/));

/** A role noun, also with a co-/vice-/ex-/deputy- prefix ("co-chairman"). */
export function isRoleNoun(w: string): boolean {
  return ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/^(?:co|vice|ex|deputy|joint|acting)-/, ''));
}

/** Lowercase nouns that introduce an organisation by what it is ("copy protection firm Macrovision"). */
export const ORG_DESCRIPTORS: ReadonlySet<string> = new Set(('firm company group giant maker manufacturer retailer watchdog regulator body bank ' +
  'carrier airline label charity union broadcaster network channel publisher developer studio operator provider supplier insurer lender ' +
  'think-tank agency').split(/\s+/));

/** Adjectives of nationality, region or faith: capitalised but never a speaker on their own ("Asian tsunami"). */
export const DEMONYMS: ReadonlySet<string> = new Set(('american british english scottish welsh irish french german russian chinese japanese ' +
  'korean indian pakistani iranian iraqi israeli palestinian syrian turkish european asian african arab muslim christian jewish catholic ' +
  'protestant democratic republican western eastern northern southern ukrainian polish italian spanish mexican canadian australian ' +
  'brazilian saudi afghan egyptian nigerian kenyan swedish dutch greek cuban venezuelan colombian islamic hispanic latino african-american ' +
  'soviet nordic baltic balkan caribbean latin atlantic pacific arctic federal national international global olympic').split(/\s+/));

/** Head words of places and buildings ("Belmarsh Prison", "Middle East"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(('prison jail cathedral abbey palace castle hotel park square bridge road river ' +
  'island islands mountains mountain sea ocean lake county province region valley east west north south street avenue airport ' +
  'hospital stadium arena centre center hall village town city borough district peninsula gulf bay coast strait desert forest camp ' +
  'station temple mosque synagogue tower theatre theater building market gardens estate').split(/\s+/));

/** Speech verbs that are as often nouns ("late-night tweets", "the IMF report"). */
export const NOUNISH = new Set(['reference', 'references', 'rule', 'rules', 'talk', 'talks', 'attack', 'attacks', 'tweet', 'tweets', 'report', 'reports', 'claim', 'claims', 'note', 'notes', 'state', 'states', 'call', 'calls', 'comment', 'comments', 'answer', 'answers', 'question', 'questions', 'quote', 'quotes', 'charge', 'charges', 'estimate', 'estimates', 'post', 'posts', 'promise', 'promises', 'remark', 'remarks', 'reply', 'replies', 'demand', 'demands', 'pledge', 'pledges', 'threat', 'threats', 'warning', 'statement', 'praise', 'forecast', 'forecasts', 'welcome', 'object', 'objects', 'reason', 'reasons', 'fire', 'share', 'shares', 'cite', 'sigh', 'laugh', 'joke', 'jokes', 'counter', 'blast', 'slam', 'label', 'labels', 'brand', 'brands', 'vow', 'vows', 'dismiss', 'thank', 'thanks', 'compare', 'chant', 'chants', 'rage', 'rail', 'brush', 'correct', 'express', 'answer']);
