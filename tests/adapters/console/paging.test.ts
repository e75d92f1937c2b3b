// Paging in the console: the footer says where you are and what to type for the next page;
// typing it shows that page; a page past the end says so.
import { afterEach, describe, expect, it } from 'vitest';
import { answerLine } from '../../../src/adapters/console/index.ts';
import { renderText } from '../../../src/adapters/console/render.ts';
import type { Store } from '../../../src/app/ports.ts';
import { silentLogger } from '../../../src/logger.ts';
import { pagingApp, storiesStore } from '../../fixtures/paging/stories.ts';

let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

async function consoleOver(n: number) {
  store = await storiesStore(n);
  const app = pagingApp(store);
  return (line: string) => answerLine(app, silentLogger, line);
}

const storyLines = (text: string) => text.split('\n').filter((l) => /^Story \d+/.test(l)).map((l) => l.replace(' at the harbour', ''));

describe('GIVEN 12 stories in the console', () => {
  it('WHEN /brief THEN the footer gives the count, the page and the command to type for the next page', async () => {
    const ask = await consoleOver(12);
    const text = await ask('/brief');
    expect(storyLines(text)).toEqual(['Story 12', 'Story 11', 'Story 10', 'Story 9', 'Story 8']);
    expect(text.endsWith('…and 7 more · page 1 of 3\nType /brief page:2 for the next page.')).toBe(true);
  });

  it('WHEN the suggested command is typed THEN the next stories, and the last page has no suggestion', async () => {
    const ask = await consoleOver(12);
    const second = await ask('/brief page:2');
    expect(storyLines(second)).toEqual(['Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']);
    expect(second).toContain('Type /brief page:3 for the next page.');
    const third = await ask('brief page:3');
    expect(storyLines(third)).toEqual(['Story 2', 'Story 1']);
    expect(third.endsWith('page 3 of 3')).toBe(true);
    expect(third).not.toContain('Type ');
  });

  it('WHEN a topic with spaces is paged THEN the suggestion keeps it quoted', async () => {
    const ask = await consoleOver(12);
    expect(await ask('/brief topic:the harbour count:2')).toContain('Type /brief topic:"the harbour" count:2 page:2 for the next page.');
  });

  it('WHEN page:9 THEN it says there are 3 pages and which is the last', async () => {
    const ask = await consoleOver(12);
    expect(await ask('/brief page:9')).toBe('i No more stories: page 9 of 3.\n  The last page is /brief page:3.');
  });

  it('GIVEN a lower-bound total THEN the footer marks it with "+"', () => {
    const text = renderText({ visibility: 'public', items: [], more: 195, paging: { page: 1, pages: 40, exact: false, next: { command: 'brief', options: { topic: 'said', page: 2 } } } });
    expect(text).toBe('…and 195+ more · page 1 of 40+\nType /brief topic:said page:2 for the next page.');
  });
});
