// Error classes of quote attribution (issue 14), one table per class, in sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index.ts';
import { articleFromText } from './article-from-text.ts';

type Case = { name: string; body: string; speakers: Array<string | null>; kinds?: Record<string, string> };

function run(body: string) {
  return extractQuotes(articleFromText(`Ferry dispute drags on\n\n${body}`));
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const { quotes, speakers } = run(c.body);
        expect(quotes.map((q) => q.speaker)).toEqual(c.speakers);
        for (const [name, kind] of Object.entries(c.kinds ?? {})) expect(speakers.find((s) => s.name === name)?.kind).toBe(kind);
      });
    }
  });
}

table('organisations and spokespeople', [
  {
    name: 'GIVEN `"…," a spokeswoman for X said` THEN the quote is the organisation\'s',
    body: 'Lakeside Ferries cancelled six crossings.\n\n"We regret the disruption," a spokeswoman for Lakeside Ferries said.',
    speakers: ['Lakeside Ferries'],
    kinds: { 'Lakeside Ferries': 'organisation' },
  },
  {
    name: 'GIVEN `"…," said a spokesman for X` (inverted) THEN the quote is the organisation\'s',
    body: '"Talks will resume on Friday," said a spokesman for the Harbour Workers Union.',
    speakers: ['Harbour Workers Union'],
  },
  {
    name: 'GIVEN `A X spokesman said: "…"` THEN the quote is the organisation\'s',
    body: 'A Lakeside Ferries spokesman said: "We are sorry for the delays."',
    speakers: ['Lakeside Ferries'],
    kinds: { 'Lakeside Ferries': 'organisation' },
  },
  {
    name: 'GIVEN a department named with "for" and "and" and its spokeswoman THEN one organisation, not a group',
    body: 'A Department for Ports and Ferries spokeswoman said the timetable was "under review".',
    speakers: ['Department for Ports and Ferries'],
    kinds: { 'Department for Ports and Ferries': 'organisation' },
  },
  {
    name: 'GIVEN a committee whose name holds "and" THEN one organisation',
    body: 'The Commons transport and harbours committee said the plan was "badly costed".',
    speakers: ['Commons transport and harbours committee'],
    kinds: { 'Commons transport and harbours committee': 'organisation' },
  },
  {
    name: 'GIVEN `X said in a statement: "…"` THEN the quote is X\'s',
    body: 'Lakeside Ferries said in a statement: "Safety comes first."',
    speakers: ['Lakeside Ferries'],
  },
  {
    name: 'GIVEN `"…," according to X` THEN the quote is X\'s',
    body: '"Bookings fell by a third," according to Lakeside Ferries.',
    speakers: ['Lakeside Ferries'],
  },
  {
    name: 'GIVEN `X\'s chief executive, Y, said: "…"` THEN the quote is Y\'s, not the organisation\'s',
    body: 'Lakeside Ferries\' chief executive, Oren Dahl, said: "We will recover."',
    speakers: ['Oren Dahl'],
  },
]);

table('chains: continuations and speakers named after the quote', [
  {
    name: 'GIVEN `he added` and `he went on` after a named speaker THEN both continue that speaker',
    body: 'Union leader Kofi Mensah said the offer was too low.\n\n"We have been patient," he added.\n\n"Patience has limits," he went on.',
    speakers: ['Kofi Mensah', 'Kofi Mensah'],
  },
  {
    name: 'GIVEN `"…," said the city\'s mayor, Name` THEN the name after the role is the speaker',
    body: '"The pier stays shut until spring," said the town\'s mayor, Ilse Brandt.',
    speakers: ['Ilse Brandt'],
  },
  {
    name: 'GIVEN `"…," the city\'s mayor, Name, said` THEN the name in the apposition is the speaker',
    body: '"The pier stays shut until spring," the town\'s mayor, Ilse Brandt, said.',
    speakers: ['Ilse Brandt'],
  },
  {
    name: 'GIVEN `he said` after a paragraph about another man THEN the quote is that man\'s, not the last one quoted',
    body: '"We are ready to sail," Kofi Mensah said.\n\nThe harbour master, Pieter Vos, has refused to open the locks since March.\n\n"Not one boat leaves before the inspection," he said.',
    speakers: ['Kofi Mensah', 'Pieter Vos'],
  },
  {
    name: 'GIVEN a quote after a paragraph of reported speech by someone else THEN the quote is that person\'s',
    body: '"We are ready to sail," Kofi Mensah said.\n\nPieter Vos, the harbour master, said the locks would stay closed.\n\n"Not one boat leaves before the inspection."',
    speakers: ['Kofi Mensah', 'Pieter Vos'],
  },
]);

table('chains: a possessive is not a subject', [
  {
    name: 'GIVEN `B said A\'s plan …` after a quote by A, then `"…," he said` THEN the quote is B\'s',
    body: '"We will cut fares," Pieter Vos said.\n\nAnalyst Daniel Kerr, of Harbour Research, said Mr Vos\'s plan would be hard to fund. "The real issue is the fuel bill," he said.',
    speakers: ['Pieter Vos', 'Daniel Kerr'],
  },
]);

table('chains: an object mention is not a subject', [
  {
    name: 'GIVEN `B said … Mr A …. He told X: "…"` after a quote by A THEN the quote is B\'s',
    body: '"We will cut fares," Pieter Vos said.\n\nDaniel Kerr said the plan was never shown to Mr Vos when he ran the line. He told the Gazette: "The sums never added up."',
    speakers: ['Pieter Vos', 'Daniel Kerr'],
  },
]);

table('chains: the subject of a clause after "but"', [
  {
    name: 'GIVEN `… but C is unfazed. He said: "…"` THEN the quote is C\'s',
    body: 'Karl Lind rowed first.\n\nVos says the race will be between himself, Dutchman Tomas Berg and Anton Reyes of Spain but Lind is unfazed.\n\nHe admitted: "I have trained all winter."',
    speakers: ['Karl Lind'],
  },
]);

table('chains: a partial quote names the latest speaker', [
  {
    name: 'GIVEN `B said A was "…". "…," he added` after a quote by A THEN the added quote is B\'s',
    body: '"We will keep sailing," Pieter Vos said.\n\nDaniel Kerr said Mr Vos was "stubborn but honest". "He will come round in the end," he added.',
    speakers: ['Pieter Vos', 'Daniel Kerr', 'Daniel Kerr'],
  },
]);

table('reported speech about others inside a quote', [
  {
    name: 'GIVEN `A, chair of X, praised B\'s "…"` THEN the partial quote is A\'s, not B\'s',
    body: 'Ines Duarte, chair of the Harbour Trust, praised Lord Pemberton\'s "patience with everyone".',
    speakers: ['Ines Duarte'],
  },
  {
    name: 'GIVEN a quote by A that reports what B says THEN the quote stays A\'s',
    body: 'Ilse Brandt defended the closure.\n\n"He says the transport minister does not care, but I spoke to Pieter Vos yesterday," she said.',
    speakers: ['Ilse Brandt'],
  },
  {
    name: 'GIVEN an inverted attribution after a quote that names someone else THEN the quote is the attributed speaker\'s',
    body: '"Pieter Vos says the locks are fine. He is wrong," said Ilse Brandt.',
    speakers: ['Ilse Brandt'],
  },
]);

table('names', [
  {
    name: 'GIVEN a misspelt surname later in the article THEN one person, not two',
    body: 'Vadim Mitroshin, a ferry captain, said fuel had doubled in price.\n\n"We cannot sail at these prices," Mr Mitroshyn said.',
    speakers: ['Vadim Mitroshin'],
  },
  {
    name: 'GIVEN a misspelt surname opening a sentence (`Kowalcyk says …`) THEN the person named before',
    body: 'Marta Kowalczyk, the ferry line\'s doctor, examined the crew.\n\nKowalcyk says the captain would "rather stay at sea".',
    speakers: ['Marta Kowalczyk'],
  },
  {
    name: 'GIVEN a capitalised word after a name where a full stop was lost THEN it is not part of the name',
    body: '"Fuel has doubled," said Vadim Mitroshin The crossings are half empty.',
    speakers: ['Vadim Mitroshin'],
  },
  {
    name: 'GIVEN `Chancellor of the Exchequer Name` THEN the title\'s complement is not part of the name',
    body: 'Chancellor of the Exchequer Alan Whitby said: "The ferries will get no subsidy."',
    speakers: ['Alan Whitby'],
  },
  {
    name: 'GIVEN "the Conservatives", "a Conservative party spokesman" and "a Tory spokeswoman" THEN one organisation',
    body: 'The Conservatives called the plan "reckless".\n\nA Conservative party spokesman said: "The islanders deserve better."\n\n"It is a fiasco," a Tory spokeswoman said.',
    speakers: ['Conservatives', 'Conservatives', 'Conservatives'],
    kinds: { Conservatives: 'organisation' },
  },
  {
    name: 'GIVEN "the Green Party" and later "the Greens" THEN one organisation under its first name',
    body: 'The Green Party said the route was "a climate disaster".\n\n"Nobody asked the islanders," the Greens said.',
    speakers: ['Green Party', 'Green Party'],
  },
  {
    name: 'GIVEN an organisation\'s plural possessive before a person (`said Harbour Links\' Ana Reis`) THEN the person, without the organisation',
    body: '"Bookings are up," said Harbour Links\' Ana Reis.',
    speakers: ['Ana Reis'],
  },
  {
    name: 'GIVEN a plural possessive inside an organisation\'s name (`the Sailors\' Union`) THEN the whole name',
    body: 'The Sailors\' Union said the offer was "an insult".',
    speakers: ["Sailors' Union"],
  },
  {
    name: 'GIVEN "the Labour Party" and later "the Green Party" THEN two organisations, not one "Party"',
    body: 'The Labour Party called the plan "a mess".\n\nThe Green Party called it "a disaster".',
    speakers: ['Labour Party', 'Green Party'],
  },
  {
    name: 'GIVEN two countries speaking together THEN a group speaker, not a person',
    body: 'Norway and Denmark said in a joint statement: "The strait must stay open."',
    speakers: ['Norway and Denmark'],
    kinds: { 'Norway and Denmark': 'group' },
  },
]);
