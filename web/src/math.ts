// KaTeX, loaded on demand by markdown.ts; its stylesheet (with local woff2
// fonts) is a separate file, linked the first time math is shown.
import katex from 'katex';

declare const KATEX_CSS: string;

let linked = false;

function linkStylesheet(): void {
  if (linked) return;
  linked = true;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = KATEX_CSS;
  document.head.appendChild(l);
}

/** renderMath typesets tex into el; a formula KaTeX cannot parse is shown as its source. */
export function renderMath(el: HTMLElement, tex: string, display: boolean): void {
  linkStylesheet();
  try {
    katex.render(tex, el, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', trust: false, strict: 'ignore' });
  } catch {
    el.textContent = tex;
  }
}
