// The XSS corpus (issue 10): whatever an editor writes, no page gets active content. Each payload
// goes through renderBody in both formats; the result must hold no script, no event attribute,
// no javascript:/data:/vbscript: address, no style, no svg/math/iframe/object/embed/form, and
// no image from outside the portal.
import { describe, expect, it } from 'vitest';
import { renderBody, textOf } from './render.ts';
import { imagesIn, sanitize } from './sanitize.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="/media/0123456789abcdef01234567.jpg" onload="alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example/">x</a>',
  '<svg onload=alert(1)><circle r=10 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example"><input name=a><button>go</button></form>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width: expression(alert(1))">x</p>',
  '<style>body{background:red}</style>',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<p onclick="alert(1)" class="x" id="y">x</p>',
  '<img src="https://evil.example/track.gif">',
  '<img src="/media/../../etc/passwd">',
  '<img srcset="https://evil.example/a.png 2x" src="/media/0123456789abcdef01234567.png">',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<p>unclosed <b>bold <i>italic',
  '"><script>alert(1)</script>',
  '<!--<script>alert(1)//--><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
  '<xss onafterscriptexecute=alert(1)><script>1</script>',
];

const ACTIVE = [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i, /vbscript:/i, /data:/i, /<svg/i, /<math/i, /<iframe/i, /<object/i, /<embed/i, /<form/i, /<input/i, /<style/i, /style=/i, /<link/i, /<meta/i, /<base/i, /srcset=/i, /href="\/\//i, /xlink:/i, /class=/i, /id=/i];

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
