// Statement rendering: Markdown (marked) with $inline$ and $$display$$ math,
// rendered by KaTeX, which (with its stylesheet and fonts) loads only when a
// statement has math.
import { Marked, type TokenizerAndRendererExtension } from 'marked';

interface MathToken { type: 'math'; raw: string; text: string; display: boolean }

const mathBlock: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'block',
  start: (src: string) => src.match(/^\$\$/m)?.index,
  tokenizer(src: string) {
    const m = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/.exec(src);
    if (m) return { type: 'math', raw: m[0], text: m[1].trim(), display: true } as MathToken;
    return undefined;
  },
  renderer: (t) => mathPlaceholder((t as unknown as MathToken).text, true),
};

const mathInline: TokenizerAndRendererExtension = {
  name: 'mathInline',
  level: 'inline',
  start: (src: string) => { const i = src.indexOf('$'); return i < 0 ? undefined : i; },
  tokenizer(src: string) {
    let m = /^\$\$([^$]+?)\$\$/.exec(src);
    if (m) return { type: 'mathInline', raw: m[0], text: m[1].trim(), display: true };
    // $...$ with no space just inside the dollars (so "$5 and $6" stays text).
    m = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    if (m) return { type: 'mathInline', raw: m[0], text: m[1], display: false };
    return undefined;
  },
  renderer: (t) => mathPlaceholder((t as unknown as MathToken).text, (t as unknown as MathToken).display),
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

function mathPlaceholder(tex: string, display: boolean): string {
  const tag = display ? 'div' : 'span';
  return `<${tag} class="math${display ? ' math-display' : ''}" data-tex="${escapeHtml(tex)}">${escapeHtml(tex)}</${tag}>`;
}

const md = new Marked({ gfm: true, breaks: false });
md.use({ extensions: [mathBlock, mathInline] });
// Statements are the problem author's, but never run their HTML: raw HTML is shown as text.
md.use({ renderer: { html: (t) => escapeHtml(typeof t === 'string' ? t : (t as { text: string }).text) } });

/** markdownToHtml renders a statement; math is left as placeholders for KaTeX, raw HTML as text. */
export function markdownToHtml(src: string): string {
  return md.parse(src, { async: false }) as string;
}

/** renderMarkdown puts the rendered statement into el and typesets its math. */
export async function renderMarkdown(el: HTMLElement, src: string): Promise<void> {
  el.innerHTML = markdownToHtml(src);
  for (const a of el.querySelectorAll('a')) {
    const href = a.getAttribute('href') || '';
    // Only web, mail and in-page links: no javascript:, data: or other schemes.
    if (/^\s*[a-z][a-z0-9+.-]*:/i.test(href) && !/^\s*(https?|mailto):/i.test(href)) a.removeAttribute('href');
    else if (/^https?:/i.test(href)) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
  }
  // Images in a statement refer to the package's files, which the API does not serve; keep the alt text.
  for (const img of el.querySelectorAll('img')) {
    const span = document.createElement('span');
    span.className = 'img-alt';
    span.textContent = img.alt ? `[image: ${img.alt}]` : '[image]';
    img.replaceWith(span);
  }
  const math = el.querySelectorAll<HTMLElement>('.math');
  if (math.length === 0) return;
  const { renderMath } = await import('./math');
  for (const m of math) renderMath(m, m.dataset.tex || '', m.classList.contains('math-display'));
}
