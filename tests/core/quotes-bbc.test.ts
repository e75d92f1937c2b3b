// BBC-style attribution: the error classes found on unseen BBC articles, in sentences of our own.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index.ts';
import { articleFromText } from './article-from-text.ts';

function speakersOf(body: string): Array<[string, string | null]> {
  return extractQuotes(articleFromText(`Harbour talks end without a deal\n\n${body}`)).quotes.map((q) => [q.text, q.speaker]);
}

// Each case: GIVEN a BBC-style passage, THEN exactly these quotes with these canonical speakers.
const cases: Array<{ name: string; body: string; quotes: Array<[string, string | null]> }> = [
  {
    name: 'GIVEN a paragraph opening with a quote after one left open THEN it continues that speaker, not a later one',
    body: 'Film-maker Rosa Lindgren said: "We never expected this. It is wonderful.\n\n"I hope audiences feel at home with it." Actor Tom Birch said he was "delighted" with the result.',
    quotes: [
      ['We never expected this. It is wonderful.', 'Rosa Lindgren'],
      ['I hope audiences feel at home with it.', 'Rosa Lindgren'],
      ['delighted', 'Tom Birch'],
    ],
  },
  {
    name: 'GIVEN "he said" after a sentence introducing a new person THEN the new person speaks',
    body: 'Club president Aitor Ibarra said: "We will finish the match next month." Sporting director Emilio Sanz praised the fans for their calm. "The supporters were calm and patient," he said.',
    quotes: [
      ['We will finish the match next month.', 'Aitor Ibarra'],
      ['The supporters were calm and patient,', 'Emilio Sanz'],
    ],
  },
  {
    name: 'GIVEN "he said" after the last speaker was quoted via a role and a rival is only a possessive THEN the last speaker keeps it',
    body: 'Opposition leader Martin Hale attacked the finance minister, Paul Greaves. Mr Greaves\'s budget was "written for the party, not the country," the opposition leader said. "These sums simply do not add up," he said.',
    quotes: [
      ['written for the party, not the country,', 'Martin Hale'],
      ['These sums simply do not add up,', 'Martin Hale'],
    ],
  },
  {
    name: 'GIVEN "said the Leeds West MP" THEN the MP named earlier with that role speaks',
    body: 'Labour MP Simon Pratt spoke about his daughter on Friday. "It has been an emotional few days," said the Leeds West MP.',
    quotes: [['It has been an emotional few days,', 'Simon Pratt']],
  },
  {
    name: 'GIVEN "the 22-year-old told Radio Norte" and then "he added" THEN the player speaks both times, not the radio station',
    body: 'Winger Diego Morales is a target for clubs in Madrid. "I dream of playing in Madrid," the 22-year-old told Radio Norte. He joined the club from Seville last year. "If not, I will keep going here," he added.',
    quotes: [
      ['I dream of playing in Madrid,', 'Diego Morales'],
      ['If not, I will keep going here,', 'Diego Morales'],
    ],
  },
  {
    name: 'GIVEN a description such as "The 52-year-old actor" opening a sentence THEN a later "he" in it is that actor',
    body: 'Film star Tom Hendry opened the winter fair. The fair is modelled on a story about a trip to visit Father Frost. The 52-year-old actor walked over a rope bridge put up in the park, which he said was "a real test of balance".',
    quotes: [['a real test of balance', 'Tom Hendry']],
  },
  {
    name: 'GIVEN "said the firm", "a Zento spokeswoman" and "Unison officials" THEN the organisation speaks',
    body: [
      'Copy protection firm Veritrax says its new scheme will stop most copying. "The scheme is designed to reduce copying," said the firm.',
      'The singer cancelled her tour. "She landed badly," a Zento spokeswoman said at the time.',
      'Unison officials also argue Mr Kay has not been "straightforward" with members.',
    ].join('\n\n'),
    quotes: [
      ['The scheme is designed to reduce copying,', 'Veritrax'],
      ['She landed badly,', 'Zento'],
      ['straightforward', 'Unison'],
    ],
  },
  {
    name: 'GIVEN a station or a temple named near a quote THEN neither becomes the speaker of "he"',
    body: [
      'Labour MP Simon Pratt met his daughter for the first time. Describing that meeting at London\'s King Cross station, he said: "The ground seemed to move beneath me."',
      'Liberal Democrat leader Charles Kent will address 2,000 people at the Shri Mandir Temple in London. He will say Labour "cannot take any group of voters for granted".',
    ].join('\n\n'),
    quotes: [
      ['The ground seemed to move beneath me.', 'Simon Pratt'],
      ['cannot take any group of voters for granted', 'Charles Kent'],
    ],
  },
  {
    name: 'GIVEN "rejected by Mr Blake, who said:" THEN Blake speaks, not the previous speaker',
    body: 'Backbencher Tom Mates added: "Advice has been released before." This argument was rejected by Prime Minister Tony Blake, who said: "No rule has been broken."',
    quotes: [
      ['Advice has been released before.', 'Tom Mates'],
      ['No rule has been broken.', 'Tony Blake'],
    ],
  },
  {
    name: 'GIVEN "the agency quoted Mr Orlov as saying" THEN Orlov speaks, not the agency',
    body: 'The sale has destroyed the company, said founder Ivan Orlov. "They have wrecked the business," the Tass news agency quoted Mr Orlov as saying.',
    quotes: [['They have wrecked the business,', 'Ivan Orlov']],
  },
  {
    name: 'GIVEN a name with an apposition between dashes before "told" THEN that name speaks',
    body: '"We have seen market traders pull this trick before," Pavel Ilin - then economic adviser to President Boris Kravets - told a press conference.',
    quotes: [['We have seen market traders pull this trick before,', 'Pavel Ilin']],
  },
  {
    name: 'GIVEN "He hoped Kanye would "…", he added" THEN "he" is the sentence\'s subject, not the name inside it',
    body: 'Label chairman Marcus Reed said: "Nobody is better placed to lead us." He hoped Kanye would "take the label somewhere new", he added.',
    quotes: [
      ['Nobody is better placed to lead us.', 'Marcus Reed'],
      ['take the label somewhere new', 'Marcus Reed'],
    ],
  },
  {
    name: 'GIVEN a partial quote after "X\'s decision to announce" and closed by ", Mr Balls told the BBC" THEN Balls speaks',
    body: 'Former aide Ed Balls spoke on Sunday. Gordon Brown\'s plan to announce the date while overseas was a "wise decision", because he was meeting investors that week, Mr Balls told the radio.',
    quotes: [['wise decision', 'Ed Balls']],
  },
  {
    name: 'GIVEN "…, according to a TUC report" or "…, the BCC noted" closing the sentence THEN that body speaks',
    body: 'Job cuts will prove to be a "short-sighted saving" that could harm reforms, according to a TUC report.\n\nProspects for shops were "uncertain" despite busier tills, the BCC noted.',
    quotes: [
      ['short-sighted saving', 'TUC'],
      ['uncertain', 'BCC'],
    ],
  },
  {
    name: 'GIVEN a quote split around "said Name, chief executive of Firm," THEN both halves are Name\'s',
    body: '"Broadband is changing homes," said Karen Tomlin, chief executive of Netco UK, "with many people online every evening."',
    quotes: [
      ['Broadband is changing homes,', 'Karen Tomlin'],
      ['with many people online every evening.', 'Karen Tomlin'],
    ],
  },
  {
    name: 'GIVEN a reporter\'s sentence naming a new speaker between two quotes of a paragraph THEN the later quote is the new speaker\'s',
    body: '"Costs keep rising," said Gary Dunn, development director at Codeworks.\n\nSimon Garner said: "We are buying smarter software." He said his studio was ready. Mr Dunn warned that firms could run short of talent. "Bigger studios will soon find there are not enough coders."',
    quotes: [
      ['Costs keep rising,', 'Gary Dunn'],
      ['We are buying smarter software.', 'Simon Garner'],
      ['Bigger studios will soon find there are not enough coders.', 'Gary Dunn'],
    ],
  },
  {
    name: 'GIVEN "the youngster said" after "Meanwhile, Perpignan centre Name is delighted" THEN that player speaks, not the coach quoted before',
    body: '"We travel there nervous, and that helps us," said France coach Bernard Lapierre. Meanwhile, Perpignan centre Jean-Paul Grandier is delighted with his first call-up. "I can hardly believe it," the youngster said.',
    quotes: [
      ['We travel there nervous, and that helps us,', 'Bernard Lapierre'],
      ['I can hardly believe it,', 'Jean-Paul Grandier'],
    ],
  },
  {
    name: 'GIVEN "The Spaniard thought…" and "Six Nations" named before "he added" THEN the player speaks',
    body: 'Striker Jose Reina has added to talk of a move. The Spaniard thought he was chatting with the club\'s president when he described his team-mates as "selfish people". He was picked for the Six Nations squad last year. "I want a new challenge," he added.',
    quotes: [
      ['selfish people', 'Jose Reina'],
      ['I want a new challenge,', 'Jose Reina'],
    ],
  },
  {
    name: 'GIVEN "On the eve of the review, Mr Kent gave a lecture to say … "…"" THEN the subject after the opening phrase speaks',
    body: 'Liberal Democrat leader Charles Kent has said so. On the eve of the government\'s spending review, Mr Kent gave a lecture to say his party accepted "hard fiscal truths".',
    quotes: [['hard fiscal truths', 'Charles Kent']],
  },
  {
    name: 'GIVEN "…, telling the BBC "…"" THEN the BBC is the listener and the subject speaks',
    body: 'Constitutional affairs secretary Lord Falmouth outlined the plans. He denied campaigners had pushed him into the reform, telling the BBC "everyone accepts the system needs repair".',
    quotes: [['everyone accepts the system needs repair', 'Falmouth']],
  },
  {
    name: 'GIVEN `," Name, Firm\'s chief executive told …` (apposition without its closing comma) THEN Name speaks',
    body: '"Internet calling is spreading fast across Europe," Eric Abelard, Wanadu\'s chief executive told a trade magazine.',
    quotes: [['Internet calling is spreading fast across Europe,', 'Eric Abelard']],
  },
  {
    name: 'GIVEN "One dissenting opinion came from Name, … He said:" THEN Name speaks, not the analyst quoted before',
    body: '"It is the obvious next move," said Ian Fogarty, an analyst at Jupiter. One dissenting opinion came from Brian Gamble, research chief at the consultancy Gartner. He said: "It is a nice machine, not a revolution."',
    quotes: [
      ['It is the obvious next move,', 'Ian Fogarty'],
      ['It is a nice machine, not a revolution.', 'Brian Gamble'],
    ],
  },
  {
    name: 'GIVEN a person whose surname is also a news-outlet word ("Liam Fox") THEN "he" can still refer to him',
    body: 'Conservative co-chairman Liam Fox attacked the plans on Monday. "They have no plan to cut waste," he said.',
    quotes: [['They have no plan to cut waste,', 'Liam Fox']],
  },
  {
    name: 'GIVEN "Mr Blake has "…" …, he said" after another speaker was named THEN the closing "he" is not the name the sentence began with',
    body: 'The leader\'s enthusiasm remains undimmed, Alan Milner, the party\'s election strategist, told the Today programme. Mr Blake has "the same hunger for the work" as when the party came to power, he said.',
    quotes: [['the same hunger for the work', 'Alan Milner']],
  },
  {
    name: 'GIVEN "He said:" after a sentence where the rival appears only as a possessive THEN the last speaker keeps it',
    body: 'Strategist Alan Milner spoke on Saturday. "Nothing is decided," he said. And he confirmed Mr Blake\'s insistence that no date had been set. He said: "I run the campaign and even I have not been told."',
    quotes: [
      ['Nothing is decided,', 'Alan Milner'],
      ['I run the campaign and even I have not been told.', 'Alan Milner'],
    ],
  },
  {
    name: 'GIVEN "The cardinal used a message to denounce … "…"" and "Conservative co-chairman Name derided …, saying:" THEN the described person speaks',
    body: 'Cardinal Cormac Donnelly spoke on the radio. The cardinal used his New Year sermon to condemn the arms trade as a "terrible" drain on the poor.\n\nConservative co-chairman Liam Fenwick mocked the staged event, saying: "That photo call was the poorest piece of theatre this year."',
    quotes: [
      ['terrible', 'Cormac Donnelly'],
      ['That photo call was the poorest piece of theatre this year.', 'Liam Fenwick'],
    ],
  },
  {
    name: 'GIVEN two speakers quoted in one long paragraph THEN a later "he said" follows the speaker named last, not the one before the paragraph',
    body: 'Mayor Ray Mallory toured the region.\n\nCampaign chairman John Tomlin said: "Voters deserve to know who funds the other side." Graham Robbins, spokesman for the No campaign, said the other side was "rattled". "It will shuffle paperwork but it will not shift traffic," he said.',
    quotes: [
      ['Voters deserve to know who funds the other side.', 'John Tomlin'],
      ['rattled', 'Graham Robbins'],
      ['It will shuffle paperwork but it will not shift traffic,', 'Graham Robbins'],
    ],
  },
  {
    name: 'GIVEN "Both the Cardinal and Bishop Dr Rowan Wills" THEN a later "the Cardinal … he will say" stays with the cardinal',
    body: 'Aid must come before arms, Cardinal Cormac Donnelly has argued. Both the Cardinal and Bishop of Leeds Dr Rowan Wills signed an appeal last year. Dr Wills later attacked ministers.\n\nAt Easter, the Cardinal will urge worshippers to pray for calm. "Peace can be found," he will say.',
    quotes: [['Peace can be found,', 'Cormac Donnelly']],
  },
  {
    name: 'GIVEN "Mr Hayward laughing at Rory Bremmer\'s sketch of him, which he calls "…"" THEN "he" is the plain mention, not the possessive',
    body: 'Tory leader Michael Hayward was filmed at home. The film shows Mr Hayward chuckling at Rory Bremmer\'s sketch of him as a vampire, which he calls "good fun". Asked if she enjoys ping pong, his wife Sandra confesses: "I lose every single game."',
    quotes: [
      ['good fun', 'Michael Hayward'],
      ['I lose every single game.', 'Sandra'],
    ],
  },
];

describe('extractQuotes on BBC-style attribution', () => {
  it.each(cases)('$name', ({ body, quotes }) => {
    expect(speakersOf(body)).toEqual(quotes);
  });
});
