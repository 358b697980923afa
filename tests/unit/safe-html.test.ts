/**
 * Content HTML allow-list: harmless markup passes; anything that could run code is caught,
 * however it is disguised.
 */
import { describe, expect, it } from 'vitest';
import { findUnsafeHtml, findUnsafeHtmlByParsing, isPlainlySafe, isSafeUrl } from '../../src/lib/safe-html';

describe('findUnsafeHtml', () => {
  it('accepts what Markdown produces and the allowed extras', () => {
    const html = `<h2 id="signs">Signs</h2><p>Text <a href="https://www.nhs.uk/">NHS</a> <a href="/a-z/">A–Z</a>
      <a href="tel:116123">116 123</a> <a href="mailto:a@b.org">mail</a> <abbr title="Obsessive compulsive disorder">OCD</abbr></p>
      <details><summary>More</summary><p>Hidden</p></details><img src="/x.jpg" alt="x"><table><tr><td>1</td></tr></table>`;
    expect(findUnsafeHtml(html)).toEqual([]);
  });

  it('accepts the placeholder Astro puts on a Markdown image of a local file', () => {
    const html =
      '<img __astro_image_="{&quot;src&quot;:&quot;./images/a.jpg&quot;,&quot;alt&quot;:&quot;A&quot;,&quot;index&quot;:0}" alt="A">';
    expect(findUnsafeHtml(html)).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<SCRIPT SRC=//evil.example/x.js></SCRIPT>', '<script>'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe>'],
    ['<object data="x.swf"></object>', '<object>'],
    ['<embed src="x.swf">', '<embed>'],
    ['<form action="https://evil.example"><input name="p"></form>', '<form>'],
    ['<style>body{display:none}</style>', '<style>'],
    ['<img src=x onerror="alert(1)">', '"onerror"'],
    ['<p onclick="alert(1)">hi</p>', '"onclick"'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'javascript:'],
    ['<a href="java&#x09;script:alert(1)">x</a>', 'java script:'],
    ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>', 'javascript:'],
    ['<a href=" javascript:alert(1)">x</a>', 'javascript:'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', 'data:'],
    ['<a href="vbscript:msgbox(1)">x</a>', 'vbscript:'],
    ['<svg><script>alert(1)</script></svg>', '<svg>'],
    ['<math><mtext><script>alert(1)</script></mtext></math>', '<math>'],
    ['<p style="background:url(javascript:alert(1))">x</p>', '"style"'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', '<meta>'],
    ['<base href="https://evil.example/">', '<base>'],
    ['<h1>Second title</h1>', 'top-level heading'],
    ['<img __astro_image_="{&quot;src&quot;:&quot;javascript:alert(1)&quot;}" alt="x">', 'javascript:'],
    ['<img __astro_image_="not json" alt="x">', 'javascript:'],
  ])('catches %s', (html, mentioned) => {
    const problems = findUnsafeHtml(html);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(' ').toLowerCase()).toContain(mentioned.toLowerCase());
  });
});

describe('the quick pass before the full parse', () => {
  /** What Markdown gives for a typical post: headings, lists, links, emphasis, a table, an image. */
  const markdownHtml = `<h2 id="what-helps">What helps</h2>
<p>Talk to <a href="https://www.nhs.uk/mental-health/">the NHS</a> or call <a href="tel:116123">116 123</a>.</p>
<ul>
<li><strong>Sleep</strong> and <em>rest</em></li>
<li>A walk<br>outside</li>
</ul>
<blockquote>
<p>It got easier.</p>
</blockquote>
<table>
<thead>
<tr>
<th align="left">Day</th>
</tr>
</thead>
<tbody>
<tr>
<td align="left">Monday</td>
</tr>
</tbody>
</table>
<p><img src="/uploads/walk.jpg" alt="A path"></p>
<pre tabindex="0"><code class="language-text">&lt;script&gt; is only text here
</code></pre>
<hr>`;

  it('passes what Markdown produces without the full parse', () => {
    expect(isPlainlySafe(markdownHtml)).toBe(true);
    expect(findUnsafeHtmlByParsing(markdownHtml)).toEqual([]);
  });

  /** Pieces that change how a browser reads what follows, or hide a tag, a name or a link. */
  const TRICKS = [
    '<script>alert(1)</script>',
    '<SCRIPT>',
    '<a href="javascript:alert(1)">',
    '<a href="&#106;avascript:alert(1)">',
    '<a href=javascript:alert(1)>',
    "<a href='javascript:alert(1)'>",
    '<a\u00a0href="javascript:alert(1)">',
    '<img src=x onerror=alert(1)>',
    '<p onclick="x">',
    '<p ONCLICK="x">',
    '<!--',
    '-->',
    '<![CDATA[',
    '<?xml ',
    '<svg>',
    '<textarea>',
    '<style>',
    '<h1>',
    '<input type="text">',
    '</p foo="javascript:x">',
    '<a/href="javascript:x">',
    '<a href = "javascript:x">',
    '<a href="x"onclick="y">',
    '"',
    '<',
    '>',
    '&',
    '=',
    '/',
    ' onclick="x"',
    ' style="color:red"',
    ' href="javascript:x"',
  ];

  it('never passes a fragment that the full parse finds unsafe', () => {
    // Each trick is put at every point of a safe fragment (inside tags, between attributes, in
    // text), and the quick pass must never say yes where the full parse finds a problem.
    const base = '<p id="a">Call <a href="tel:116123" class="x">116 123</a><br>now.</p><ul><li>One</li></ul>';
    let checked = 0;
    let sentOn = 0;
    for (const trick of TRICKS) {
      for (let at = 0; at <= base.length; at++) {
        const html = base.slice(0, at) + trick + base.slice(at);
        checked++;
        if (isPlainlySafe(html)) {
          expect(findUnsafeHtmlByParsing(html), html).toEqual([]);
        } else {
          sentOn++;
        }
      }
    }
    // Most variants are sent on to the full parse; some (a harmless quote in text) are not.
    expect(sentOn).toBeGreaterThan(checked / 2);
    expect(sentOn).toBeLessThan(checked);
  });

  it.each([
    ['a comment', '<p>Hi<!-- note --></p>'],
    ['an upper-case tag', '<P>Hi</P>'],
    ['a character reference in a link', '<a href="/x?a=1&amp;b=2">x</a>'],
    ['an unquoted value', '<a href=/x>x</a>'],
    ['a disallowed tag', '<p>Hi</p><iframe></iframe>'],
  ])('sends %s to the full parse', (_, html) => {
    expect(isPlainlySafe(html)).toBe(false);
  });
});

describe('isSafeUrl', () => {
  it.each(['https://www.mind.org.uk/', '/a-z/', '#signs', 'tel:116123', 'mailto:x@y.org', 'sms:85258', '../x'])(
    'decides %s',
    (url) => {
      // sms: is allowed: helplines such as Shout are reached by a tap-to-text link.
      expect(isSafeUrl(url)).toBe(true);
    },
  );
});

describe('error messages', () => {
  it('stay on one line when the bad link contains a line break', () => {
    const [problem] = findUnsafeHtml('<a href="java\nscript:alert(1)">x</a>');
    expect(problem).toBe('has a link to "java script:alert(1)", which is not a web, email or phone address');
  });
});
