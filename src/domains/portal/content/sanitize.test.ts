// The XSS corpus (issue 10): whatever an editor writes, no page gets active content. Each payload
// goes through renderBody in both formats; the result must hold no script, no event attribute,
// no javascript:/data:/vbscript: address, no style, no svg/math/iframe/object/embed/form, and
// no image from outside the portal.
import { describe, expect, it } from 'vitest';
import { renderBody, textOf } from './render.ts';
import { imagesIn, sanitize } from './sanitize.ts';

import { ACTIVE, PAYLOADS } from './xss-corpus.ts';

describe('the allow-list keeps every page free of active content', () => {
  for (const format of ['html', 'markdown'] as const) {
    it.each(PAYLOADS)(`${format}: %s`, (payload) => {
      const { html } = renderBody(format, `<p>前文</p>\n\n${payload}\n\n后文`);
      // Active content lives in markup: every tag is checked (text such as "javascript:" in a
      // sentence is only text; its < and > come out escaped).
      const tags = html.match(/<[^>]*>/g) ?? [];
      for (const tag of tags) for (const bad of ACTIVE) expect(tag, `${bad} in ${html}`).not.toMatch(bad);
      expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
      for (const src of html.matchAll(/<img[^>]*src="([^"]*)"/g)) expect(src[1]).toMatch(/^\/media\/[0-9a-f]{24}(-s)?\.(jpg|png|webp)$/);
      // sanitising what was sanitised changes nothing (the site does it again)
      expect(sanitize(html)).toBe(html);
    });
  }
});

describe('what editors need survives', () => {
  it('renders Markdown headings, lists, tables, links and portal images', () => {
    const { html, text } = renderBody('markdown', '# 标题\n\n正文 **加粗** [生态环境部](https://www.mee.gov.cn/)\n\n- 一\n- 二\n\n| 省份 | 数量 |\n| --- | --- |\n| 浙江 | 3 |\n\n![现场](/media/0123456789abcdef01234567.jpg)');
    expect(html).toContain('<h2>标题</h2>'); // the page's title is the only h1
    expect(html).toContain('<strong>加粗</strong>');
    expect(html).toContain('<a href="https://www.mee.gov.cn/" rel="noopener noreferrer nofollow">生态环境部</a>');
    expect(html).toMatch(/<ul>\s*<li>一<\/li>/);
    expect(html).toContain('<td>浙江</td>');
    expect(html).toContain('<img src="/media/0123456789abcdef01234567.jpg" alt="现场" />');
    expect(imagesIn(html)).toEqual(['0123456789abcdef01234567']);
    expect(text).toContain('正文 加粗 生态环境部');
    expect(text).not.toContain('<');
  });

  it('keeps site-relative links and mailto, and drops the rest of a bad link but its text', () => {
    const html = sanitize('<a href="/notices/plan">方案</a> <a href="mailto:office@example.cn">信箱</a> <a href="javascript:x">坏</a>');
    expect(html).toBe('<a href="/notices/plan">方案</a> <a href="mailto:office@example.cn">信箱</a> <a>坏</a>');
  });

  it('turns HTML into text for search and feeds', () => {
    expect(textOf('<p>A &amp; B</p><p>&lt;c&gt;</p>')).toBe('A & B\n<c>');
  });
});
