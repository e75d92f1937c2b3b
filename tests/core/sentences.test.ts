import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences/index.ts';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['a title before a name ("Mr. Kishida")', 'Mr. Kishida arrived in Kyiv. He met Mr. Zelensky.', ['Mr. Kishida arrived in Kyiv.', 'He met Mr. Zelensky.']],
    ['a dotted acronym before a name ("U.S. President")', 'The U.S. President spoke on Monday. Markets rose.', ['The U.S. President spoke on Monday.', 'Markets rose.']],
    ['a dotted acronym ending a sentence ("the U.S. The")', 'He flew back to the U.S. The talks had failed.', ['He flew back to the U.S.', 'The talks had failed.']],
    ['a dotted acronym before a contraction ("the U.K. It\'s")', "He lives in the U.K. It's cold there.", ['He lives in the U.K.', "It's cold there."]],
    ['a decimal amount ("$15.6 billion")', 'The deal is worth $15.6 billion. It closes in May.', ['The deal is worth $15.6 billion.', 'It closes in May.']],
    ['a time ("5 p.m.") ending a sentence', 'The polls close at 5 p.m. Counting starts at once.', ['The polls close at 5 p.m.', 'Counting starts at once.']],
    ['a time ("5 p.m.") inside a sentence', 'By 5 p.m. on Friday the vote was over.', ['By 5 p.m. on Friday the vote was over.']],
    ['a month before a day ("Sept. 11")', 'The attacks of Sept. 11 changed everything. Few disagree.', ['The attacks of Sept. 11 changed everything.', 'Few disagree.']],
    ['an initial ("John F. Kerry")', 'John F. Kerry flew to Geneva. Talks began.', ['John F. Kerry flew to Geneva.', 'Talks began.']],
    ['a quotation ending in ,"', '"We will not give up," she said. The crowd cheered.', ['"We will not give up," she said.', 'The crowd cheered.']],
    ['a quotation ending in ." (the quote stays with its sentence)', 'He said: "We are ready." Then he left.', ['He said: "We are ready."', 'Then he left.']],
    ['curly single quotes ending in .’', '‘It is over.’ The minister resigned.', ['‘It is over.’', 'The minister resigned.']],
    ['a question inside a quote followed by the speaker', '"Why now?" he asked. Nobody knew.', ['"Why now?" he asked.', 'Nobody knew.']],
    ['an ellipsis inside a sentence', 'The plan put forward by China... can be taken as a basis. Kyiv waits.', ['The plan put forward by China... can be taken as a basis.', 'Kyiv waits.']],
    ['an ellipsis ending a sentence', 'He paused… Then he spoke again.', ['He paused…', 'Then he spoke again.']],
    ['a spaced ellipsis inside a title', "They remain in I'm A Celebrity ... Get Me Out Of Here! as no one left. Fans cheered.", ["They remain in I'm A Celebrity ... Get Me Out Of Here! as no one left.", 'Fans cheered.']],
    ['a name that looks like a month ("Ant and Dec.")', 'They were told by Ant and Dec. Natalie had quit the show.', ['They were told by Ant and Dec.', 'Natalie had quit the show.']],
    ['a URL and an e-mail address', 'See www.bbc.co.uk/news or write to news@example.com today. It is free.', ['See www.bbc.co.uk/news or write to news@example.com today.', 'It is free.']],
    ['a company abbreviation inside a sentence', 'Apple Inc. Chief Executive Tim Cook spoke. Shares rose.', ['Apple Inc. Chief Executive Tim Cook spoke.', 'Shares rose.']],
    ['a company abbreviation ending a sentence', 'The buyer was Acme Corp. The price was not disclosed.', ['The buyer was Acme Corp.', 'The price was not disclosed.']],
    ['"No." before a number', 'He lives at No. 10 Downing Street. It is old.', ['He lives at No. 10 Downing Street.', 'It is old.']],
    ['an acronym in capitals ending a sentence', 'The deal is under review by the SEC. The company declined to comment.', ['The deal is under review by the SEC.', 'The company declined to comment.']],
    ['a bullet list, one item a line', 'Three reasons:\n- costs rose.\n- sales fell.\n- rivals grew.', ['Three reasons:', '- costs rose.', '- sales fell.', '- rivals grew.']],
    ['a bullet list whose items run on with commas', '- costs rose,\n- sales fell,\n- rivals grew.', ['- costs rose,\n- sales fell,\n- rivals grew.']],
    ['a paragraph with no final full stop', 'Unlimited possibilities\n\nMoscow and Beijing agreed.', ['Unlimited possibilities', 'Moscow and Beijing agreed.']],
    ['a sentence that runs over a paragraph break', 'The minister said that\n\nthe talks would go on.', ['The minister said that', 'the talks would go on.']],
    ['a lost full stop before a sentence opener', 'The new games follow on Monday If you like puzzles, try them.', ['The new games follow on Monday', 'If you like puzzles, try them.']],
    ['a photo caption glued to the story', 'Fans queue at the stadium gates They waited six hours for tickets.', ['Fans queue at the stadium gates', 'They waited six hours for tickets.']],
    ['a title with a capitalised pronoun inside a sentence', 'She starred in the show Faking It and in two films.', ['She starred in the show Faking It and in two films.']],
    ['a lower-case word after a full stop', 'It costs 5 dollars approx. per day. Fine.', ['It costs 5 dollars approx. per day.', 'Fine.']],
  ])('GIVEN %s THEN it splits where a reader would', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('GIVEN an empty or blank text THEN there are no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });

  it('GIVEN a text THEN each sentence is found at its offsets', () => {
    const body = '  Mr. Kishida arrived.  "We will win," he said.\n\nU.S. officials agreed. ';
    for (const s of splitSentences(body)) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  const fragment = fc.constantFrom(
    'Mr. Kishida', 'U.S. President', '$15.6 billion', '5 p.m.', 'Sept. 11', 'John F. Kerry', '"We will win,"', 'he said.', 'It rose.',
    'China...', 'the end.', '‘It is over.’', 'www.example.com', 'No. 10', 'Why?', 'and', 'The', '\n', '\n\n', '- item', '  ',
  );
  it('GIVEN any news-like text THEN sentences are trimmed, ordered, in place, cover every word, and never cross a blank line', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const out = splitSentences(text);
        let last = 0;
        for (const s of out) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(/\n[ \t]*\n/.test(s.text)).toBe(false);
          last = s.end;
        }
        const covered = out.map((s) => s.text).join('').replace(/\s+/g, '');
        expect(covered).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
