import { describe, expect, it } from 'vitest';
import { isBoilerplate, notNewsClass, summarize, type NotNews } from '../../src/core/summarize/index.ts';
import { newsArticle } from './summarize-helpers.ts';

describe('notNewsClass', () => {
  it.each<[string, string, NotNews]>([
    ['a site describing its own page', 'The Northgate Post website takes a look at the week in pictures.', 'furniture'],
    ['a "scroll down" prompt', 'Scroll down for video of the rescue', 'furniture'],
    ['a photo credit', 'Photo: Harbour Authority', 'furniture'],
    ['a related-links line', 'Related articles: Ferry link to close', 'furniture'],
    ['a copyright line', 'All rights reserved by the publisher.', 'furniture'],
    ['"click here" opening a line', 'Click here to see the full list of closures.', 'call-to-action'],
    ['"click here" inside a line', 'For the latest Westby news, click here for our live page.', 'call-to-action'],
    ['a follow prompt', 'Follow us on the app for updates.', 'call-to-action'],
    ['a request for pictures', 'Send us your pictures of the flooding.', 'call-to-action'],
    ['an "Are you…?" prompt', 'Are you affected by the ferry closure? Tell us how.', 'reader-prompt'],
    ['a "Have you…?" prompt', 'Have you been stranded by the strike?', 'reader-prompt'],
    ['a "share your story" prompt', 'Share your story with our newsroom today.', 'reader-prompt'],
    ['a reader comment signed with name and place', 'I think the ferry should never have closed. Tom Hardy, Westby', 'reader-comment'],
    ['a byline alone', 'By Anna Berg', 'byline'],
    ['a Daily Mail byline', 'By . Anna Berg . Published today', 'byline'],
  ])('GIVEN %s THEN it is %s, not news', (_name, text, cls) => {
    expect(notNewsClass(text)).toBe(cls);
    expect(isBoilerplate(text)).toBe(true);
  });

  it.each([
    ['news about a website', 'The council website was down for six hours on Monday.'],
    ['a quoted question', '"Are you sure?" the judge asked the witness.'],
    ['"by" opening a sentence', 'By Tuesday the river had risen by two metres.'],
    ['a sentence naming a place after a comma', 'The ferry sails from Westby to Northgate, Norway.'],
    ['news that mentions clicking', 'Users who click on the fake link lose their passwords, police said.'],
  ])('GIVEN %s THEN it is news', (_name, text) => {
    expect(notNewsClass(text)).toBeNull();
  });
});

describe('summarize: text that is not news', () => {
  it('GIVEN a "Have your say" section of reader comments THEN no key point comes from it', () => {
    const a = newsArticle([
      'The Westby ferry link will close in March after 60 years, the harbour board said on Monday.',
      'The board said the service lost £2m last year and the ferry needed repairs costing £5m.',
      'About 400 people use the ferry each day, most of them commuters to Northgate.',
      'The board will meet bus companies next week to plan a replacement service.',
      'Have your say',
      'The ferry closure is a disgrace and the board should resign over the £2m loss.',
      'The ferry is the only way to get to work for 400 people in Westby and the board knows it.',
    ]);
    const texts = summarize(a).keyPoints.map((k) => k.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.some((t) => /disgrace|knows it/.test(t))).toBe(false);
  });

  it('GIVEN a lead that is site furniture or a reader prompt THEN the first key point is the first news sentence', () => {
    const a = newsArticle([
      'Are you a commuter affected by the ferry closure? Get in touch.',
      'The Westby ferry link will close in March after 60 years, the harbour board said on Monday.',
      'The board said the service lost £2m last year and the ferry needed repairs costing £5m.',
      'Click here for the timetable of replacement buses.',
      'About 400 people use the ferry each day, most of them commuters to Northgate.',
    ]);
    const texts = summarize(a).keyPoints.map((k) => k.text);
    expect(texts[0]).toBe('The Westby ferry link will close in March after 60 years, the harbour board said on Monday.');
    expect(texts.some((t) => /Click here|Are you/.test(t))).toBe(false);
  });
});
