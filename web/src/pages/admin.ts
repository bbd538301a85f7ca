// The admin page: the admin key, importing a problem package, the queue,
// workers and judge errors as the API and /metrics offer them.
import { api, adminKey, setAdminKey, request, type Submission } from '../api';
import { h, clear, errorBox, fmtWhen, langName } from '../util';

/** metric sums the samples of a Prometheus metric (all label sets) in text exposition format. */
export function parseMetrics(text: string): Map<string, { labels: string; value: number }[]> {
  const out = new Map<string, { labels: string; value: number }[]>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const v = Number(m[3]);
    if (!Number.isFinite(v)) continue;
    const list = out.get(m[1]) || [];
    list.push({ labels: m[2] || '', value: v });
    out.set(m[1], list);
  }
  return out;
}

export async function adminPage(main: HTMLElement): Promise<() => void> {
  const page = h('div', { class: 'page narrow' });
  main.appendChild(page);
  const key = h('input', { type: 'password', class: 'input grow', id: 'admin-key', autocomplete: 'off', placeholder: 'Admin key (DATA/admin.key or VERDICT_ADMIN_KEY)', 'aria-label': 'Admin key', value: adminKey() });
  const keyForm = h('form', { class: 'toolbar' }, key, h('button', { class: 'btn', type: 'submit' }, 'Use key'), h('button', { class: 'btn ghost', type: 'button', onclick: () => { setAdminKey(''); key.value = ''; void refresh(); } }, 'Forget'));
  keyForm.addEventListener('submit', (e) => { e.preventDefault(); setAdminKey(key.value.trim()); void refresh(); });

  const file = h('input', { type: 'file', accept: '.zip,application/zip', id: 'package-file', 'aria-label': 'Problem package (zip)' }) as HTMLInputElement;
  const pid = h('input', { type: 'text', class: 'input', placeholder: 'id (optional)', 'aria-label': 'Problem id', pattern: '[a-z0-9][a-z0-9_-]*' });
  const replace = h('input', { type: 'checkbox' }) as HTMLInputElement;
  const importMsg = h('div', { 'aria-live': 'polite' });
  const importForm = h('form', { class: 'stack' },
    h('div', { class: 'toolbar wrap' }, file, pid, h('label', { class: 'check' }, replace, ' Replace the problem with this id'), h('button', { class: 'btn primary', type: 'submit' }, 'Import')),
    importMsg);
  importForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.files?.[0];
    if (!f) { clear(importMsg, errorBox('Choose a package zip first.')); return; }
    if (replace.checked && !pid.value.trim()) { clear(importMsg, errorBox('Replacing needs the id of the problem to replace.')); return; }
    clear(importMsg, h('p', { class: 'muted' }, 'Importing…'));
    try {
      const p = await api.importProblem(f, pid.value.trim(), replace.checked);
      clear(importMsg, h('p', { class: 'ok-box' }, 'Imported ', h('a', { href: '/problems/' + encodeURIComponent(p.id) }, p.title || p.id), '.'));
      void refresh();
    } catch (e) {
      clear(importMsg, errorBox('Import failed: ' + (e as Error).message));
    }
  });

  const status = h('div', { class: 'admin-status' });
  const errors = h('div');
  clear(page,
    h('h1', null, 'Admin'),
    h('section', null, h('h2', null, 'Key'), h('p', { class: 'small muted' }, 'Kept for this browser tab only.'), keyForm),
    h('section', null, h('h2', null, 'Import a problem package'), importForm),
    h('section', null, h('h2', null, 'Service'), status),
    h('section', null, h('h2', null, 'Judge errors'), errors),
    h('p', { class: 'small' }, h('a', { href: '/docs' }, 'API documentation'), ' · ', h('a', { href: '/metrics' }, 'Metrics')));

  async function refresh(): Promise<void> {
    clear(status, h('p', { class: 'muted' }, 'Loading…'));
    const cards: HTMLElement[] = [];
    try {
      const r = await fetch('/readyz');
      cards.push(h('div', { class: 'card' }, h('div', { class: 'card-label' }, 'Ready'), h('div', { class: 'card-value ' + (r.ok ? 'v-ac' : 'v-re') }, r.ok ? 'yes' : 'no')));
    } catch { /* shown as missing */ }
    try {
      const text = await request<string>('GET', '/metrics', undefined, { admin: true });
      const m = parseMetrics(typeof text === 'string' ? text : '');
      const pick = (re: RegExp) => [...m.entries()].filter(([n]) => re.test(n));
      const shown = [
        ...pick(/queue.*(depth|length|size|queued|pending)|(depth|pending).*queue/),
        ...pick(/workers?(_busy|_idle|_total|_active)?$|worker.*(busy|idle|active|count)/),
        ...pick(/judge_errors?_total|errors?_total.*judge/),
        ...pick(/submissions_total$/),
      ];
      for (const [name, samples] of shown.slice(0, 12)) {
        const total = samples.reduce((a, s) => a + s.value, 0);
        cards.push(h('div', { class: 'card' }, h('div', { class: 'card-label', title: name }, name.replace(/^verdict_/, '').replace(/_/g, ' ')), h('div', { class: 'card-value' }, String(Math.round(total * 100) / 100))));
      }
    } catch (e) {
      cards.push(h('p', { class: 'muted small' }, 'Metrics: ' + (e as Error).message));
    }
    clear(status, h('div', { class: 'cards' }, ...cards));
    if (!adminKey()) { clear(errors, h('p', { class: 'muted' }, 'Enter the admin key to see judge errors.')); return; }
    try {
      const r = await request<{ submissions: Submission[] }>('GET', '/api/v1/submissions?verdict=JE&limit=20', undefined, { admin: true });
      const subs = r.submissions || [];
      clear(errors, subs.length ? h('table', { class: 'table' },
        h('thead', null, h('tr', null, ...['When', 'Problem', 'Language', 'User', 'Message'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, ...subs.map((s) => h('tr', null,
          h('td', null, h('a', { href: '/submissions/' + encodeURIComponent(s.id || '') }, fmtWhen(s.created_at))),
          h('td', null, s.problem || ''), h('td', null, langName(s.language)), h('td', null, s.user || ''), h('td', { class: 'small' }, s.message || '')))))
        : h('p', { class: 'muted' }, 'No judge errors.'));
    } catch (e) {
      clear(errors, errorBox((e as Error).message));
    }
  }
  await refresh();
  const timer = window.setInterval(() => { if (!document.hidden) void refresh(); }, 10000);
  return () => clearInterval(timer);
}
