// Unit tests of statement rendering (src/markdown.ts), bundled on the fly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/markdown.ts', import.meta.url));
const out = await esbuild.build({ entryPoints: [src], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent', external: ['./math'] });
const { markdownToHtml } = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));

const cases = [
  { name: 'inline math', md: 'Let $a+b$ be.', has: ['<span class="math" data-tex="a+b">a+b</span>'] },
  { name: 'display math block', md: '$$\n\\sum_{i=1}^n i\n$$\n', has: ['<div class="math math-display" data-tex="\\sum_{i=1}^n i">'] },
  { name: 'inline display math', md: 'so $$x^2$$ here', has: ['class="math math-display" data-tex="x^2"'] },
  { name: 'dollars as money stay text', md: 'It costs $5 and $6 now.', has: ['It costs $5 and $6 now.'], not: ['class="math'] },
  { name: 'math with comparison is escaped', md: '$a < b$', has: ['data-tex="a &lt; b"'], not: ['<b'] },
  { name: 'raw HTML is shown as text', md: '<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>', has: ['&lt;script&gt;', '&lt;img'], not: ['<script', '<img'] },
  { name: 'code keeps dollars', md: '`$x$`', has: ['<code>$x$</code>'], not: ['class="math'] },
  { name: 'tables (GFM)', md: '| a | b |\n|---|---|\n| 1 | 2 |\n', has: ['<table>', '<td>1</td>'] },
];

for (const c of cases) {
  test(c.name, () => {
    const html = markdownToHtml(c.md);
    for (const s of c.has || []) assert.ok(html.includes(s), `${JSON.stringify(s)} not in ${html}`);
    for (const s of c.not || []) assert.ok(!html.includes(s), `${JSON.stringify(s)} in ${html}`);
  });
}
