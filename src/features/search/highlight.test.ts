import { describe, expect, it } from 'vitest';
import { highlight, plainText, wordSimilarity } from './highlight.js';

describe('search highlighting', () => {
  it('marks the words found, including a misspelt query word, and escapes everything else', () => {
    expect(highlight('Spreadsheet tricks <b>for</b> pivot tables', 'spredsheet table')).toBe(
      '<mark>Spreadsheet</mark> tricks &lt;b&gt;for&lt;/b&gt; pivot <mark>tables</mark>',
    );
  });

  it('cuts a long text around the first match', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Here is the catalogue workshop. ${'More words. '.repeat(20)}`;
    const out = highlight(text, 'catalogue', 80);
    expect(out.startsWith('…')).toBe(true);
    expect(out).toContain('<mark>catalogue</mark>');
    expect(out.length).toBeLessThan(120);
  });

  it('shows Markdown as the words a reader sees', () => {
    expect(plainText('Ask **which one question** ![chart](/api/posts/images/x) [docs](https://e.org) # Title')).toBe(
      'Ask which one question chart docs Title',
    );
  });

  it('measures similarity as pg_trgm does', () => {
    expect(wordSimilarity('spredsheet', 'spreadsheet')).toBeCloseTo(9 / 14, 5);
    expect(wordSimilarity('pivot', 'pivot')).toBe(1);
  });
});
