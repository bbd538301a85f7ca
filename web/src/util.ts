// Small DOM and formatting helpers shared by the pages.

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener | ((e: any) => void)>;

/** h creates an element: attributes starting with "on" are listeners, false/null ones are left off. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      else if (k === 'class') el.className = String(v);
      else if (k === 'value' && 'value' in el) (el as unknown as HTMLInputElement).value = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: HTMLElement, ...children: Child[]): HTMLElement {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const verdictNames: Record<string, string> = {
  AC: 'Accepted', WA: 'Wrong Answer', TLE: 'Time Limit Exceeded', MLE: 'Memory Limit Exceeded',
  OLE: 'Output Limit Exceeded', RE: 'Runtime Error', CE: 'Compilation Error', JE: 'Judge Error',
  OK: 'OK', IE: 'Internal Error', PE: 'Presentation Error', SK: 'Skipped',
};

/** verdictClass is the CSS class giving a verdict its colour. */
export function verdictClass(v?: string): string {
  switch (v) {
    case 'AC': case 'OK': return 'v-ac';
    case 'WA': case 'PE': return 'v-wa';
    case 'TLE': case 'MLE': case 'OLE': return 'v-limit';
    case 'RE': return 'v-re';
    case 'CE': return 'v-ce';
    case 'JE': case 'IE': return 'v-je';
    default: return 'v-pending';
  }
}

export function verdictBadge(v?: string, long = false): HTMLElement {
  const text = v ? (long ? verdictNames[v] || v : v) : '…';
  return h('span', { class: 'verdict ' + verdictClass(v), title: v ? verdictNames[v] || v : 'pending' }, text);
}

export function fmtMs(ms?: number): string {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '—';
  if (ms >= 1000) return (ms / 1000).toFixed(2) + ' s';
  if (ms > 0 && ms < 0.1) return '< 0.1 ms';
  return (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString()) + ' ms';
}

export function fmtKiB(kib?: number): string {
  if (kib === undefined || kib === null || Number.isNaN(kib)) return '—';
  if (kib >= 1024) return (kib / 1024).toFixed(1) + ' MiB';
  return Math.round(kib) + ' KiB';
}

export function fmtWhen(iso?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = (Date.now() - d.getTime()) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export const languageNames: Record<string, string> = {
  c: 'C', cpp: 'C++', python: 'Python 3', java: 'Java', javascript: 'JavaScript', go: 'Go', rust: 'Rust',
  typescript: 'TypeScript', kotlin: 'Kotlin', pypy: 'PyPy',
};

export function langName(id?: string): string {
  return id ? languageNames[id] || id : '';
}

export const kindNames: Record<string, string> = { function: 'Function', stdio: 'Input/output', interactive: 'Interactive' };

/** copyButton copies text() to the clipboard and says so. */
export function copyButton(label: string, text: () => string): HTMLButtonElement {
  const b = h('button', { class: 'btn small ghost', type: 'button', 'aria-label': label }, 'Copy');
  b.addEventListener('click', async () => {
    const t = text();
    let ok = false;
    try { await navigator.clipboard.writeText(t); ok = true; } catch {
      const ta = h('textarea', { style: 'position:fixed;left:-9999px' });
      ta.value = t;
      document.body.appendChild(ta);
      ta.select();
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      ta.remove();
    }
    b.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { b.textContent = 'Copy'; }, 1200);
  });
  return b;
}

/** store wraps localStorage, which may be off (private windows). */
export const store = {
  get(k: string): string | null { try { return localStorage.getItem(k); } catch { return null; } },
  set(k: string, v: string): void { try { localStorage.setItem(k, v); } catch { /* full or off */ } },
  del(k: string): void { try { localStorage.removeItem(k); } catch { /* off */ } },
};

export function errorBox(msg: string): HTMLElement {
  return h('div', { class: 'error-box', role: 'alert' }, msg);
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const modKey = isMac ? '⌘' : 'Ctrl';
