// Verdict's practice site: a small single-page application over the HTTP API.
import './style.css';
import { h, clear, store, modKey } from './util';
import { listPage } from './pages/list';
import { submissionPage, submissionsPage } from './pages/submissions';
import { adminPage } from './pages/admin';
import { navigate } from './nav';

/** A page renders into the main element; the returned function (if any) cleans up when leaving it. */
export type Page = (main: HTMLElement, params: Record<string, string>, query: URLSearchParams) => (void | (() => void)) | Promise<void | (() => void)>;

const routes: [RegExp, Page, string][] = [
  [/^\/$/, listPage, 'problems'],
  [/^\/problems\/?$/, listPage, 'problems'],
  // The problem page (with the editor) loads on first use: the list stays light.
  [/^\/problems\/(?<id>[^/]+)\/?$/, async (m, p) => (await import('./pages/problem')).problemPage(m, p), 'problems'],
  [/^\/submissions\/?$/, submissionsPage, 'submissions'],
  [/^\/submissions\/(?<id>[^/]+)\/?$/, submissionPage, 'submissions'],
  [/^\/admin\/?$/, adminPage, 'admin'],
];

let cleanup: (() => void) | void;
let generation = 0;

function notFound(main: HTMLElement): void {
  clear(main, h('div', { class: 'page narrow' }, h('h1', null, 'Not found'), h('p', null, 'There is no page here. ', h('a', { href: '/' }, 'See the problems.'))));
}

async function render(): Promise<void> {
  const gen = ++generation;
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = undefined; }
  const main = document.getElementById('main')!;
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  for (const [re, page, nav] of routes) {
    const m = re.exec(path);
    if (!m) continue;
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.nav a')) {
      a.classList.toggle('active', a.dataset.nav === nav);
      if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups || {})) params[k] = decodeURIComponent(v);
    main.replaceChildren();
    document.title = ({ problems: 'Problems', submissions: 'Submissions', admin: 'Admin' } as Record<string, string>)[nav] + ' · Verdict';
    const c = await page(main, params, query);
    if (gen !== generation) { if (c) c(); return; }
    cleanup = c;
    return;
  }
  notFound(main);
}


function applyTheme(t: string): void {
  document.documentElement.dataset.theme = t;
  const b = document.getElementById('theme-toggle');
  if (b) {
    b.setAttribute('aria-label', t === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme');
    b.textContent = t === 'dark' ? '☀' : '☾';
  }
}

function initialTheme(): string {
  const saved = store.get('verdict.theme');
  if (saved === 'dark' || saved === 'light') return saved;
  return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function shell(): void {
  const app = document.getElementById('app')!;
  const toggle = h('button', { id: 'theme-toggle', class: 'btn ghost icon', type: 'button', title: 'Theme' });
  toggle.addEventListener('click', () => {
    const t = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    store.set('verdict.theme', t);
    applyTheme(t);
  });
  clear(app,
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '/', 'aria-label': 'Verdict: problems' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '✓'), h('span', { class: 'brand-name' }, 'Verdict')),
      h('nav', { class: 'nav', 'aria-label': 'Main' },
        h('a', { href: '/problems', 'data-nav': 'problems' }, 'Problems'),
        h('a', { href: '/submissions', 'data-nav': 'submissions' }, 'Submissions'),
        h('a', { href: '/admin', 'data-nav': 'admin' }, 'Admin')),
      h('button', { class: 'btn ghost icon keys-btn', type: 'button', title: 'Keyboard shortcuts (?)', 'aria-label': 'Keyboard shortcuts', onclick: () => shortcuts() }, '⌨'),
      toggle),
    h('main', { id: 'main', tabindex: '-1' }));
  applyTheme(initialTheme());
}

// Links to the site's own pages are followed without a reload.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || /^\/(api|judge0|docs|openapi\.json|metrics|healthz|readyz)\b/.test(href)) return;
  e.preventDefault();
  if (href !== location.pathname + location.search) navigate(href);
});
window.addEventListener('popstate', () => void render());

// "?" lists the keyboard shortcuts.
function shortcuts(): void {
  let dlg = document.getElementById('shortcuts') as HTMLDialogElement | null;
  if (!dlg) {
    const row = (k: string, what: string) => h('tr', null, h('td', null, h('kbd', null, k)), h('td', null, what));
    dlg = h('dialog', { id: 'shortcuts', class: 'dialog', 'aria-label': 'Keyboard shortcuts' },
      h('h2', null, 'Keyboard shortcuts'),
      h('table', null, h('tbody', null,
        row(`${modKey}+Enter`, 'Run the code on the samples (or your input)'),
        row(`${modKey}+Shift+Enter`, 'Submit'),
        row('/', 'Search the problems'),
        row('Tab / Shift+Tab', 'Move between controls (Esc, then Tab, leaves the editor)'),
        row(`${modKey}+F`, 'Find in the editor'),
        row('?', 'This list'))),
      h('form', { method: 'dialog' }, h('button', { class: 'btn', type: 'submit' }, 'Close'))) as HTMLDialogElement;
    document.body.appendChild(dlg);
  }
  if (!dlg.open) dlg.showModal();
}
document.addEventListener('keydown', (e) => {
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !(e.target as Element).closest?.('input,textarea,select,[contenteditable],.cm-editor')) {
    e.preventDefault();
    shortcuts();
  }
});

// Load the problem page (and the editor) as soon as the user shows interest in a problem.
let prefetched = false;
const prefetch = (e: Event) => {
  if (prefetched || !(e.target as Element).closest?.('a[href^="/problems/"]')) return;
  prefetched = true;
  void import('./pages/problem').catch(() => { prefetched = false; });
};
document.addEventListener('pointerover', prefetch, { passive: true });
document.addEventListener('focusin', prefetch);

shell();
void render();
