import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index.ts';
import { articleFromText } from './article-from-text.ts';
import type { QuoteKind } from '../../src/core/article.ts';

type Expect = { text: string; speaker: string | null; kind?: QuoteKind };

function run(body: string) {
  return extractQuotes(articleFromText(`Harbour talks end without a deal\n\n${body}`));
}

// Each case: GIVEN a paragraph pattern, THEN exactly these quotes (text, canonical speaker, kind).
const cases: Array<{ name: string; body: string; quotes: Expect[] }> = [
  {
    name: 'GIVEN `"…," Name said after` THEN the quote is Name\'s',
    body: '"We will rebuild the harbour before winter," Maria Okafor said after the meeting.',
    quotes: [{ text: 'We will rebuild the harbour before winter,', speaker: 'Maria Okafor', kind: 'direct' }],
  },
  {
    name: 'GIVEN `Name said: "…"` THEN the quote is Name\'s',
    body: 'Harbour master Tomas Berg said: "The channel is open again."',
    quotes: [{ text: 'The channel is open again.', speaker: 'Tomas Berg', kind: 'direct' }],
  },
  {
    name: 'GIVEN `"…," said Name` (inverted) THEN the quote is Name\'s',
    body: '"Nobody expected the storm to last this long," said Elena Vasquez, who runs the ferry company.',
    quotes: [{ text: 'Nobody expected the storm to last this long,', speaker: 'Elena Vasquez', kind: 'direct' }],
  },
  {
    name: 'GIVEN a quote split around its attribution THEN two quotes with the same speaker',
    body: 'Peter Lindqvist spoke first.\n\n"The first part is simple," he said, "but the second part will take years."',
    quotes: [
      { text: 'The first part is simple,', speaker: 'Peter Lindqvist', kind: 'direct' },
      { text: 'but the second part will take years.', speaker: 'Peter Lindqvist', kind: 'direct' },
    ],
  },
  {
    name: 'GIVEN speech verbs beyond "said" THEN each attribution is found',
    body: [
      '"Prices will rise," warned economist Sarah Kline.',
      '"We followed every rule," the mayor, Daniel Ortiz, insisted on Friday.',
      '"The bridge is safe," engineer Ahmed Haddad told reporters.',
      '"It is a good first step," Kline added.',
      '"Repairs begin on Monday," Ortiz wrote on social media.',
      'According to Haddad, "the cables were never the problem."',
    ].join('\n\n'),
    quotes: [
      { text: 'Prices will rise,', speaker: 'Sarah Kline' },
      { text: 'We followed every rule,', speaker: 'Daniel Ortiz' },
      { text: 'The bridge is safe,', speaker: 'Ahmed Haddad' },
      { text: 'It is a good first step,', speaker: 'Sarah Kline' },
      { text: 'Repairs begin on Monday,', speaker: 'Daniel Ortiz' },
      { text: 'the cables were never the problem.', speaker: 'Ahmed Haddad' },
    ],
  },
  {
    name: 'GIVEN a quoted paragraph with no attribution after a quote THEN it continues the previous speaker',
    body: '"We have waited long enough," said union leader Grace Mbeki.\n\n"Our members will not wait another year."',
    quotes: [
      { text: 'We have waited long enough,', speaker: 'Grace Mbeki' },
      { text: 'Our members will not wait another year.', speaker: 'Grace Mbeki', kind: 'direct' },
    ],
  },
  {
    name: 'GIVEN a quote left open at the end of a paragraph THEN each paragraph is its own quote of the same speaker',
    body: 'Grace Mbeki said: "The first offer was an insult.\n\n"The second one is not much better."',
    quotes: [
      { text: 'The first offer was an insult.', speaker: 'Grace Mbeki' },
      { text: 'The second one is not much better.', speaker: 'Grace Mbeki' },
    ],
  },
  {
    name: 'GIVEN `Name told a press conference:` and an unquoted paragraph THEN a block quote of Name',
    body: 'Mayor Daniel Ortiz told a press conference:\n\nWe will not rest until every family is back home. The city owes them that.',
    quotes: [{ text: 'We will not rest until every family is back home. The city owes them that.', speaker: 'Daniel Ortiz', kind: 'block' }],
  },
  {
    name: 'GIVEN partial quotes inside reported speech THEN they are partial and attributed',
    body: 'Economist Sarah Kline said the plan was "too little, too late".\n\nMayor Daniel Ortiz called the talks "honest and useful" on Tuesday.',
    quotes: [
      { text: 'too little, too late', speaker: 'Sarah Kline', kind: 'partial' },
      { text: 'honest and useful', speaker: 'Daniel Ortiz', kind: 'partial' },
    ].map((q) => q as Expect),
  },
  {
    name: 'GIVEN `he said` after a man is named THEN the pronoun resolves to him, not to a woman named later',
    body: 'Mr Lindqvist met Anna Svensson on Monday.\n\n"We agreed on nothing," he said.\n\n"It was a waste of time," she said.',
    quotes: [
      { text: 'We agreed on nothing,', speaker: 'Lindqvist' },
      { text: 'It was a waste of time,', speaker: 'Anna Svensson' },
    ],
  },
  {
    name: 'GIVEN `the president said` after an apposition THEN the nominal resolves to the person with that role',
    body: 'Colombian President Luis Herrera arrived in Madrid on Sunday.\n\n"This visit opens a new chapter," the president said.',
    quotes: [{ text: 'This visit opens a new chapter,', speaker: 'Luis Herrera' }],
  },
  {
    name: 'GIVEN an organisation or a group as speaker THEN it is the speaker',
    body: [
      '"The talks were constructive," the White House said in a statement.',
      '"We reject the proposal," Norway and Sweden said in a joint declaration.',
      'Washington has said the plan is a "dead end".',
    ].join('\n\n'),
    quotes: [
      { text: 'The talks were constructive,', speaker: 'White House' },
      { text: 'We reject the proposal,', speaker: 'Norway and Sweden' },
      { text: 'dead end', speaker: 'Washington', kind: 'partial' },
    ],
  },
  {
    name: 'GIVEN curly quotes and a mismatched closing glyph THEN the quote is still paired',
    body: 'Mayor Daniel Ortiz met economist Sarah Kline.\n\n“Nothing is decided yet,“ Ortiz said.\n\n“We will see,” Kline said.',
    quotes: [
      { text: 'Nothing is decided yet,', speaker: 'Daniel Ortiz' },
      { text: 'We will see,', speaker: 'Sarah Kline' },
    ],
  },
  {
    name: 'GIVEN a nested quote THEN the outer quote is reported whole',
    body: '"When he said \'we are done\', I did not believe him," Sarah Kline said.',
    quotes: [{ text: "When he said 'we are done', I did not believe him,", speaker: 'Sarah Kline' }],
  },
  {
    name: 'GIVEN nested double quotes THEN the outer quote is reported whole',
    body: '“My father always said “work first”, and he was right,” Maria Okafor said.',
    quotes: [{ text: 'My father always said “work first”, and he was right,', speaker: 'Maria Okafor' }],
  },
  {
    name: 'GIVEN a title and scare quotes with no attribution THEN no quote is reported',
    body: 'The film "Harbour Lights" opened on Friday.\n\nCritics of the so-called "reform" gathered outside.\n\nShe appeared on "Morning Report," a radio show.',
    quotes: [],
  },
];

cases.push(
  {
    name: 'GIVEN a title with an appositive name ("The Bishop of Durham, the Rt Rev Dr Tom Wright,") THEN the person, also for "the Bishop" later',
    body: 'The Bishop of Durham, the Rt Rev Dr Tom Wright, described the book as "lousy history".\n\nLater the Bishop said: "It is fun to read."',
    quotes: [
      { text: 'lousy history', speaker: 'Tom Wright', kind: 'partial' },
      { text: 'It is fun to read.', speaker: 'Tom Wright', kind: 'direct' },
    ],
  },
  {
    name: 'GIVEN "Sir Digby" after "Sir Digby Jones" THEN the knight\'s full name',
    body: 'Sir Digby Jones spoke to business leaders.\n\nSir Digby added: "Stability is the key word."',
    quotes: [{ text: 'Stability is the key word.', speaker: 'Digby Jones' }],
  },
  {
    name: 'GIVEN an acronym after the full name of an organisation THEN the organisation',
    body: 'The International Monetary Fund cut its forecast.\n\n"The world economy has moved sideways," the IMF said.',
    quotes: [{ text: 'The world economy has moved sideways,', speaker: 'International Monetary Fund' }],
  },
  {
    name: 'GIVEN role words with a nationality before the name THEN the name, not the adjective',
    body: '"It looks pretty grim," said Swedish trades union official Ulf Carlsson.',
    quotes: [{ text: 'It looks pretty grim,', speaker: 'Ulf Carlsson' }],
  },
  {
    name: 'GIVEN a dateline before the subject THEN the dateline is not the speaker',
    body: 'LONDON - Finance minister Karen Holt defended the budget on Monday, calling it "fair and necessary".',
    quotes: [{ text: 'fair and necessary', speaker: 'Karen Holt', kind: 'partial' }],
  },
  {
    name: 'GIVEN "he" opening a sentence THEN it carries the person into the next quote',
    body: 'Coach Marco Bellini watched the final from the stands. He later met the players.\n\n"They gave everything," he said.',
    quotes: [{ text: 'They gave everything,', speaker: 'Marco Bellini' }],
  },
  {
    name: 'GIVEN "the committee" after the committee is named THEN the committee speaks',
    body: 'The Commons science committee published its report on Monday.\n\n"Skills shortages are severe," the committee said.',
    quotes: [{ text: 'Skills shortages are severe,', speaker: 'Commons science committee' }],
  },
  {
    name: 'GIVEN a role with no record ("the world indoor champion") THEN the person the story is about; an anonymous spokesman stays unnamed',
    body: 'Jason Gardener won again in Birmingham on Sunday.\n\n"I felt strong," the world indoor champion said.\n\n"No comment," the prime minister\'s spokesman said.',
    quotes: [
      { text: 'I felt strong,', speaker: 'Jason Gardener' },
      { text: 'No comment,', speaker: null },
    ],
  },
  {
    name: 'GIVEN transcript turns quoted with a speaker label THEN the label names the speaker',
    body: 'Moderator Lester Holt opened the debate.\n\n"HOLT: Good evening from Hofstra University."\n\n"KAINE: Thank you for having us."',
    quotes: [
      { text: 'HOLT: Good evening from Hofstra University.', speaker: 'Lester Holt', kind: 'direct' },
      { text: 'KAINE: Thank you for having us.', speaker: 'Kaine', kind: 'direct' },
    ],
  },
  {
    name: 'GIVEN a sentence-initial capitalised word that names no one THEN no speaker is made of it',
    body: 'Fears had been expressed that the plan was "unworkable".',
    quotes: [{ text: 'unworkable', speaker: null, kind: 'partial' }],
  },
);

describe('extractQuotes patterns', () => {
  it.each(cases)('$name', ({ body, quotes }) => {
    const got = run(body).quotes;
    expect(got.map((q) => ({ text: q.text, speaker: q.speaker }))).toEqual(quotes.map((q) => ({ text: q.text, speaker: q.speaker })));
    quotes.forEach((q, i) => {
      if (q.kind) expect(got[i]!.kind).toBe(q.kind);
    });
  });
});

describe('extractQuotes offsets and speakers', () => {
  it('GIVEN any extracted quote THEN its offsets point at its text in the body', () => {
    const article = articleFromText('Title line\n\nAlpha said: "First words."\n\n"Second words," Alpha Beta added, "third words."');
    for (const q of extractQuotes(article).quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
  });

  it('GIVEN "Vladimir Putin", "Mr Putin", "the Russian president" and "he" THEN one speaker with aliases and role', () => {
    const { quotes, speakers } = run([
      'Russian President Vladimir Putin met the press in Moscow.',
      '"We are ready," Mr Putin said.',
      '"The terms are clear," the Russian president added.',
      '"Nothing else will do," he said.',
    ].join('\n\n'));
    expect(quotes.map((q) => q.speaker)).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin']);
    expect(quotes.map((q) => q.mention)).toEqual(['Mr Putin', 'the Russian president', 'he']);
    expect(speakers).toHaveLength(1);
    expect(speakers[0]).toMatchObject({ name: 'Vladimir Putin', kind: 'person', role: 'Russian President' });
    expect(speakers[0]!.aliases).toEqual(expect.arrayContaining(['Mr Putin', 'the Russian president']));
  });

  it('GIVEN an article with no quotation marks THEN no quotes and no speakers', () => {
    expect(run('The harbour reopened on Monday after repairs.')).toEqual({ quotes: [], speakers: [] });
  });

  it('GIVEN a quoted headline THEN it is not reported as anyone\'s quote', () => {
    const article = articleFromText("'New chapter': leaders meet\n\nThe leaders met on Monday.");
    expect(extractQuotes(article).quotes).toEqual([]);
  });
});

describe('extractQuotes robustness', () => {
  it('GIVEN arbitrary text with stray, curly and nested marks THEN it never throws and every quote points at its text (property)', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('"', '“', '”', "'", ' said ', ' he ', 'Mr Smith', ' Jane Doe', ', ', '. ', ':', '\n', '\n\n', 'words', 'The', ' — ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const article = articleFromText(`Title\n\n${parts.join('')}`);
        const { quotes, speakers } = extractQuotes(article);
        for (const q of quotes) {
          expect(article.body.slice(q.start, q.end)).toBe(q.text);
          expect(q.text.length).toBeGreaterThan(0);
          if (q.speaker) expect(speakers.some((s) => s.name === q.speaker)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
