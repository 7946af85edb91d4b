import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

/** The tags of some HTML: what a browser would act on (text, even "&lt;script&gt;", it only shows). */
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('renderMarkdown', () => {
  it('keeps what people write with: emphasis, lists, code, quotes and safe links', () => {
    const html = renderMarkdown('**Try** _this_:\n\n- one\n- `two`\n\n> quoted\n\n[docs](https://example.org/x)');
    expect(html).toContain('<strong>Try</strong> <em>this</em>');
    expect(html).toContain('<li><code>two</code></li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain(
      '<a href="https://example.org/x" rel="nofollow noopener noreferrer" target="_blank">docs</a>',
    );
  });

  it.each([
    ['<script>alert(1)</script>hello', 'script'],
    ['<img src=x onerror=alert(1)>', 'onerror'],
    ['[click](javascript:alert(1))', 'javascript:'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'data:'],
    ['<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['<p style="background:url(x)" onclick="alert(1)">x</p>', 'onclick'],
    ['![tracker](https://evil.example/pixel.png)', '<img'],
    ['<svg><animate onbegin=alert(1) attributeName=x></svg>', 'onbegin'],
  ])('leaves nothing that could run or fetch: %s', (source, banned) => {
    // Typed HTML may still be read as text (&lt;script&gt;); no tag or attribute of the result may carry it.
    expect(tagsOf(renderMarkdown(source).toLowerCase()).filter((tag) => tag.includes(banned))).toEqual([]);
  });

  it('shows HTML typed into the text as the text it is, never dropping it', () => {
    expect(renderMarkdown('Use the <table> element for data')).toBe('<p>Use the &lt;table&gt; element for data</p>');
    expect(renderMarkdown('<div class="x">a block</div>\n\nnext')).toBe(
      '<p>&lt;div class="x"&gt;a block&lt;/div&gt;</p><p>next</p>',
    );
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('keeps GFM tables, with their alignment', () => {
    const html = renderMarkdown('| Skill | Hours |\n|:--|--:|\n| SQL | 12 |').replace(/\n/g, '');
    expect(html).toBe(
      '<table><thead><tr><th align="left">Skill</th><th align="right">Hours</th></tr></thead>' +
        '<tbody><tr><td align="left">SQL</td><td align="right">12</td></tr></tbody></table>',
    );
    expect(tagsOf(renderMarkdown('| a |\n|---|\n| <b onclick="x()">b</b> |'))).not.toContain('<b onclick="x()">');
  });

  it('keeps images uploaded for posts, when asked, and no other image', () => {
    const own = '![chart](/api/posts/images/0b6f1c1e-8f0e-4c51-9a55-5f1d2a7e4c11)';
    expect(renderMarkdown(own, { images: true })).toBe(
      '<p><img src="/api/posts/images/0b6f1c1e-8f0e-4c51-9a55-5f1d2a7e4c11" alt="chart" /></p>',
    );
    expect(renderMarkdown(own)).not.toContain('<img');
    for (const other of [
      '![x](https://evil.example/pixel.png)',
      '![x](/api/posts/images/0b6f1c1e-8f0e-4c51-9a55-5f1d2a7e4c11?x=1)',
      '![x](//evil.example/api/posts/images/0b6f1c1e-8f0e-4c51-9a55-5f1d2a7e4c11)',
      '<img src="/api/posts/images/0b6f1c1e-8f0e-4c51-9a55-5f1d2a7e4c11" onerror="alert(1)">',
    ]) {
      const tags = tagsOf(renderMarkdown(other, { images: true })).join(' ');
      expect(tags, other).not.toMatch(/evil|onerror|\?x=1/);
    }
  });

  // Found with the browser test's corpus (e2e/fixtures/xss-vectors.ts): Markdown's own ways to a script address.
  it.each([
    '[x][evil]\n\n[evil]: javascript:alert(1)',
    '<javascript:alert(1)>',
    '[x](&#106;avascript:alert(1))',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  ])('leaves no script address, handler or image: %s', (source) => {
    expect(tagsOf(renderMarkdown(source)).filter((tag) => /href="(?!https?:)|\son\w+=|^<img/i.test(tag))).toEqual([]);
  });

  it('turns page-level headings into headings below the page’s own', () => {
    expect(renderMarkdown('# Big')).toBe('<h3>Big</h3>');
    // A body that starts with "##" (as many people write) does not skip a level under the page's h2.
    expect(renderMarkdown('## Try it')).toBe('<h3>Try it</h3>');
    expect(renderMarkdown('#### Detail')).toBe('<h4>Detail</h4>');
  });
});
