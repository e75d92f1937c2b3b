// Segmentation rules in the style of a public benchmark ("Golden Rules"): one case per class,
// written in sentences of our own. Each row: the class, the text, the sentences a reader sees.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences/index.ts';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

const RULES: [string, string, string[]][] = [
  ['a full stop ending a sentence', 'The council met on Tuesday. It approved the budget.', ['The council met on Tuesday.', 'It approved the budget.']],
  ['a question mark ending a sentence', 'Will the strike go ahead? Unions meet today.', ['Will the strike go ahead?', 'Unions meet today.']],
  ['an exclamation mark ending a sentence', 'What a finish! The fans were on their feet.', ['What a finish!', 'The fans were on their feet.']],
  ['a one-letter capital initial', 'The report was written by Maria K. Osei.', ['The report was written by Maria K. Osei.']],
  ['a one-letter lower-case abbreviation before a number', 'The figures are on p. 12 of the report.', ['The figures are on p. 12 of the report.']],
  ['a two-letter lower-case abbreviation inside a question', 'Did Patel and co. sign the letter?', ['Did Patel and co. sign the letter?']],
  ['a company abbreviation before a lower-case word', 'The land was sold to Hart, Lowe & Co. last spring.', ['The land was sold to Hart, Lowe & Co. last spring.']],
  ['a lower-case abbreviation ending a sentence', 'Ask Patel and co. They will know.', ['Ask Patel and co.', 'They will know.']],
  ['a company abbreviation ending a sentence', 'The land was sold to Hart, Lowe & Co. It was a quick deal.', ['The land was sold to Hart, Lowe & Co.', 'It was a quick deal.']],
  ['a prepositive abbreviation ("Mt.")', 'Climbers reached Mt. Kenya at dawn.', ['Climbers reached Mt. Kenya at dawn.']],
  ['a prepositive and a postpositive abbreviation', "St. Anne's School is on 3rd st. behind the market.", ["St. Anne's School is on 3rd st. behind the market."]],
  ['a possessive after an abbreviation', "It was Martin Luther King Jr.'s speech.", ["It was Martin Luther King Jr.'s speech."]],
  ['a multi-period abbreviation inside a sentence', 'She moved to the U.S.A. in 1998.', ['She moved to the U.S.A. in 1998.']],
  ['a multi-period abbreviation ending a sentence', 'The rules come from the E.U. Will Britain follow them?', ['The rules come from the E.U.', 'Will Britain follow them?']],
  ['"U.S." ending a sentence', 'Prices fell in the U.S. What happens next is unclear.', ['Prices fell in the U.S.', 'What happens next is unclear.']],
  ['"U.S." before a capitalised noun', 'The U.S. Treasury issued new bonds.', ['The U.S. Treasury issued new bonds.']],
  ['"U.S." before a lower-case word', 'She has worked in the U.S. for a decade.', ['She has worked in the U.S. for a decade.']],
  ['"a.m." and "P.M." inside and at the end of sentences', 'At 7 a.m. Mrs. Diaz opened the shop. She closed it at 9 P.M. Mrs. Diaz then went home.', ['At 7 a.m. Mrs. Diaz opened the shop.', 'She closed it at 9 P.M.', 'Mrs. Diaz then went home.']],
  ['"p.m." followed by a capitalised word that opens a sentence', 'The match ended at 10 p.m. Police cleared the ground.', ['The match ended at 10 p.m.', 'Police cleared the ground.']],
  ['a decimal amount inside a sentence', 'The ticket costs $45.50 at the door.', ['The ticket costs $45.50 at the door.']],
  ['a decimal amount ending a sentence', 'The ticket costs $45.50. It was $40 last year.', ['The ticket costs $45.50.', 'It was $40 last year.']],
  ['a parenthetical sentence inside a sentence', 'The mayor (She was elected in May.) opened the bridge.', ['The mayor (She was elected in May.) opened the bridge.']],
  ['an e-mail address ending a sentence', 'Tips go to news.desk@example.org. We read them all.', ['Tips go to news.desk@example.org.', 'We read them all.']],
  ['a web address ending a sentence', 'The list is at https://www.example.org/data/list_2024.html. It is updated daily.', ['The list is at https://www.example.org/data/list_2024.html.', 'It is updated daily.']],
  ['a single-quoted sentence inside a sentence', "He looked up, 'That is enough.' he said.", ["He looked up, 'That is enough.' he said."]],
  ['a double-quoted sentence inside a sentence', 'He looked up, "That is enough." he said.', ['He looked up, "That is enough." he said.']],
  ['a double-quoted sentence ending a sentence', 'He looked up, "That is enough." He put the phone down.', ['He looked up, "That is enough."', 'He put the phone down.']],
  ['a double exclamation mark', 'Goal!! The stadium erupted.', ['Goal!!', 'The stadium erupted.']],
  ['a double question mark', 'Really?? Nobody saw it coming.', ['Really??', 'Nobody saw it coming.']],
  ['an exclamation and a question mark', 'Cancelled!? Fans were furious.', ['Cancelled!?', 'Fans were furious.']],
  ['a question and an exclamation mark', 'Cancelled?! Fans were furious.', ['Cancelled?!', 'Fans were furious.']],
  ['an inline list "1.)" without full stops', '1.) Raise taxes 2.) Cut spending', ['1.) Raise taxes', '2.) Cut spending']],
  ['an inline list "1.)" with full stops', '1.) Raise taxes. 2.) Cut spending.', ['1.) Raise taxes.', '2.) Cut spending.']],
  ['an inline list "1)" without full stops', '1) Raise taxes 2) Cut spending', ['1) Raise taxes', '2) Cut spending']],
  ['an inline list "1)" with full stops', '1) Raise taxes. 2) Cut spending.', ['1) Raise taxes.', '2) Cut spending.']],
  ['an inline list "1." without full stops', '1. Raise taxes 2. Cut spending', ['1. Raise taxes', '2. Cut spending']],
  ['an inline list "1." with full stops', '1. Raise taxes. 2. Cut spending.', ['1. Raise taxes.', '2. Cut spending.']],
  ['an inline list with bullets and numbers', '• 4. Raise taxes • 5. Cut spending', ['• 4. Raise taxes', '• 5. Cut spending']],
  ['an inline list with hyphen bullets and numbers', '⁃4. Raise taxes ⁃5. Cut spending', ['⁃4. Raise taxes', '⁃5. Cut spending']],
  ['an inline alphabetical list', 'a. Raise taxes b. Cut spending c. Sell the bonds', ['a. Raise taxes', 'b. Cut spending', 'c. Sell the bonds']],
  ['a line break in the middle of a sentence', 'The bridge will stay\nclosed until Friday.', ['The bridge will stay\nclosed until Friday.']],
  ['a line break after a trailing space', 'It was a wet \nday in the capital.', ['It was a wet \nday in the capital.']],
  ['a number with several dots', 'The site is at grid ref. 1204.553.871. Divers found it.', ['The site is at grid ref. 1204.553.871.', 'Divers found it.']],
  ['a name with an exclamation mark', 'She works at Yahoo! in the sales team.', ['She works at Yahoo! in the sales team.']],
  ['"I." ending a sentence and an initial "I."', 'They chose you and I. Did you meet Tomas I. Berg?', ['They chose you and I.', 'Did you meet Tomas I. Berg?']],
  ['a spaced ellipsis at the end of a quotation', 'The judge said the law “leaves no doubt on that point. . . .”', ['The judge said the law “leaves no doubt on that point. . . .”']],
  ['ellipses in brackets and a citation after the quotation', '"The tide [...] turned quickly [...]" (Reid 12).', ['"The tide [...] turned quickly [...]" (Reid 12).']],
  ['a spaced ellipsis and a full stop ending a sentence', 'The memo trails off with the words the plan was . . . . The next page is missing.', ['The memo trails off with the words the plan was . . . .', 'The next page is missing.']],
  ['four dots ending a sentence', 'I never said that.... She walked out.', ['I never said that....', 'She walked out.']],
  ['ellipses inside a sentence', 'I was not ... well, what I mean...look . . . the point is . . . I did not agree.', ['I was not ... well, what I mean...look . . . the point is . . . I did not agree.']],
  ['a spaced four-dot ellipsis ending the text', 'A habit that faded . . . was the joining of words into units. . . .', ['A habit that faded . . . was the joining of words into units. . . .']],
  ['a citation in parentheses after a closing quote', 'She called it "a turning point." (Times, 2019). Others disagreed.', ['She called it "a turning point." (Times, 2019).', 'Others disagreed.']],
  ['a quoted ellipsis ending a sentence', 'He whispered "if only..." The room went quiet.', ['He whispered "if only..."', 'The room went quiet.']],
];

describe('splitSentences on benchmark-style rules', () => {
  it.each(RULES)('GIVEN %s THEN it splits where a reader would', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
