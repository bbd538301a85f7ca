// The admin page: the admin key, importing a problem package, the queue,
// workers and judge errors as the API and /metrics offer them.
import { api, adminKey, setAdminKey, request, type Submission } from '../api';
import { h, clear, errorBox, fmtWhen, langName, verdictBadge } from '../util';

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
  const recent = h('div');
  clear(page,
    h('h1', null, 'Admin'),
    h('section', null, h('h2', null, 'Key'), h('p', { class: 'small muted' }, 'Kept for this browser tab only.'), keyForm),
    h('section', null, h('h2', null, 'Import a problem package'), importForm),
    h('section', null, h('h2', null, 'Service'), status),
    h('section', null, h('h2', null, 'Queue and recent submissions'), recent),
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
      const sum = (name: string, label?: RegExp) => (m.get(name) || []).filter((x) => !label || label.test(x.labels)).reduce((a, x) => a + x.value, 0);
      const card = (label: string, value: string, cls = '') => cards.push(h('div', { class: 'card' }, h('div', { class: 'card-label' }, label), h('div', { class: 'card-value ' + cls }, value)));
      // Gauges of the queue and the workers, whatever the service calls them.
      for (const [name, samples] of m) {
        if (!/^verdict_/.test(name) || /_(bucket|sum|count|total)$/.test(name)) continue;
        if (!/queue|worker|inflight|in_flight|pending|running/.test(name)) continue;
        card(name.replace(/^verdict_/, '').replace(/_/g, ' '), String(samples.reduce((a, x) => a + x.value, 0)));
      }
      if (m.has('verdict_submissions_received_total')) card('submissions received', String(sum('verdict_submissions_received_total')));
      if (m.has('verdict_submissions_total')) {
        const judged = sum('verdict_submissions_total');
        const je = sum('verdict_submissions_total', /verdict="JE"/);
        card('judged', String(judged));
        card('judge errors', String(je), je ? 'v-re' : 'v-ac');
      }
      if (m.has('verdict_judging_retries_total')) card('retried judgings', String(sum('verdict_judging_retries_total')));
      if (m.has('verdict_worker_busy_seconds_total')) card('worker busy time', Math.round(sum('verdict_worker_busy_seconds_total')) + ' s');
      if (m.has('verdict_compile_cache_hits_total')) card('compile cache hits', String(sum('verdict_compile_cache_hits_total')));
      const byVerdict = (m.get('verdict_submissions_total') || []).reduce((acc, x) => {
        const v = /verdict="([^"]*)"/.exec(x.labels)?.[1] || '?';
        acc.set(v, (acc.get(v) || 0) + x.value);
        return acc;
      }, new Map<string, number>());
      if (byVerdict.size) {
        cards.push(h('div', { class: 'card wide' }, h('div', { class: 'card-label' }, 'verdicts'),
          h('div', { class: 'verdict-counts' }, ...[...byVerdict].sort((a, b) => b[1] - a[1]).map(([v, n]) => h('span', null, verdictBadge(v), ' ', String(n))))));
      }
    } catch (e) {
      cards.push(h('p', { class: 'muted small' }, 'Metrics: ' + (e as Error).message));
    }
    clear(status, h('div', { class: 'cards' }, ...cards));
    if (!adminKey()) {
      clear(errors, h('p', { class: 'muted' }, 'Enter the admin key to see judge errors.'));
      clear(recent, h('p', { class: 'muted' }, 'Enter the admin key to see everyone\'s submissions.'));
      return;
    }
    try {
      const r = await request<{ submissions: Submission[] }>('GET', '/api/v1/submissions?limit=20', undefined, { admin: true });
      const subs = r.submissions || [];
      const waiting = subs.filter((s) => s.status !== 'done').length;
      clear(recent,
        h('p', { class: 'small muted' }, waiting ? `${waiting} of the last ${subs.length} submissions are waiting or being judged.` : 'Nothing waiting among the latest submissions.'),
        subs.length ? h('table', { class: 'table', id: 'recent' },
          h('thead', null, h('tr', null, ...['When', 'Problem', 'Language', 'User', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, ...subs.map((s) => h('tr', null,
            h('td', null, h('a', { href: '/submissions/' + encodeURIComponent(s.id || '') }, fmtWhen(s.created_at))),
            h('td', null, s.problem || ''), h('td', null, langName(s.language)), h('td', null, s.user || ''),
            h('td', null, s.status === 'done' ? verdictBadge(s.verdict) : h('span', { class: 'muted' }, s.status || '')))))) : '');
    } catch (e) {
      clear(recent, errorBox((e as Error).message));
    }
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
