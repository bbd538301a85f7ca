// Submission history and one submission with its source.
import { api, watch, type Submission } from '../api';
import { h, clear, errorBox, verdictBadge, fmtMs, fmtKiB, fmtWhen, langName, copyButton } from '../util';
import { renderResult, renderStats, Progress } from './results';
import { navigate } from '../nav';

export async function submissionsPage(main: HTMLElement, _p: Record<string, string>, query: URLSearchParams): Promise<() => void> {
  const problem = query.get('problem') || '';
  const mine = query.get('all') !== 'true';
  const page = h('div', { class: 'page' });
  const tbody = h('tbody');
  const more = h('button', { class: 'btn', type: 'button', hidden: true }, 'Older submissions');
  const filter = h('input', { type: 'search', class: 'input', placeholder: 'Problem id', 'aria-label': 'Filter by problem', value: problem });
  const verdict = h('select', { class: 'input', 'aria-label': 'Verdict' }, h('option', { value: '' }, 'Any verdict'),
    ...['AC', 'WA', 'TLE', 'MLE', 'OLE', 'RE', 'CE', 'JE'].map((v) => h('option', { value: v }, v)));
  verdict.value = query.get('verdict') || '';
  const scope = h('select', { class: 'input', 'aria-label': 'Whose submissions' }, h('option', { value: 'mine' }, 'Mine'), h('option', { value: 'all' }, 'Everyone\'s'));
  scope.value = mine ? 'mine' : 'all';
  const apply = () => {
    const q = new URLSearchParams();
    if (filter.value.trim()) q.set('problem', filter.value.trim());
    if (verdict.value) q.set('verdict', verdict.value);
    if (scope.value === 'all') q.set('all', 'true');
    navigate('/submissions' + (q.toString() ? '?' + q : ''), true);
  };
  filter.addEventListener('change', apply);
  verdict.addEventListener('change', apply);
  scope.addEventListener('change', apply);
  clear(page, h('h1', null, problem ? `Submissions to ${problem}` : 'Submissions'),
    h('div', { class: 'toolbar wrap' }, scope, filter, verdict),
    h('table', { class: 'table submissions' },
      h('thead', null, h('tr', null, ...['When', 'Problem', 'Language', 'Verdict', 'Time', 'Memory'].map((t, i) => h('th', { scope: 'col', class: i >= 4 ? 'num' : '' }, t)))),
      tbody),
    more);
  main.appendChild(page);
  let before = '';
  const load = async () => {
    more.hidden = true;
    try {
      const q: Record<string, string> = { problem, verdict: verdict.value, limit: '50', before };
      if (mine) q.mine = 'true';
      const r = await api.submissions(q);
      const subs = r.submissions || [];
      for (const s of subs) {
        const href = '/submissions/' + encodeURIComponent(s.id || '');
        const tr = h('tr', { class: 'row-link' },
          h('td', null, h('a', { href, title: s.created_at || '' }, fmtWhen(s.created_at))),
          h('td', null, h('a', { href: '/problems/' + encodeURIComponent(s.problem || '') }, s.problem || '')),
          h('td', null, langName(s.language)),
          h('td', null, s.status === 'done' ? verdictBadge(s.verdict) : h('span', { class: 'muted' }, s.status || '')),
          h('td', { class: 'num' }, fmtMs(s.time_ms)),
          h('td', { class: 'num' }, fmtKiB(s.memory_kib)));
        tr.addEventListener('click', (e) => { if (!(e.target as Element).closest('a')) navigate(href); });
        tbody.appendChild(tr);
      }
      if (!tbody.children.length) tbody.appendChild(h('tr', null, h('td', { colspan: '6', class: 'muted center' }, 'No submissions yet.')));
      before = r.next || '';
      more.hidden = !before;
    } catch (e) {
      page.appendChild(errorBox('Could not load the submissions: ' + (e as Error).message));
    }
  };
  more.addEventListener('click', () => void load());
  await load();
  return () => {};
}

export async function submissionPage(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const page = h('div', { class: 'page' });
  main.appendChild(page);
  let s: Submission;
  try {
    s = await api.submission(params.id);
  } catch (e) {
    clear(page, h('h1', null, 'Submission'), errorBox('Could not load the submission: ' + (e as Error).message));
    return () => {};
  }
  const result = h('div', { class: 'result' });
  const head = h('div', { class: 'sub-head' },
    h('h1', null, 'Submission ', h('span', { class: 'mono small' }, s.id || '')),
    h('p', { class: 'muted' },
      h('a', { href: '/problems/' + encodeURIComponent(s.problem || '') }, s.problem || ''), ' · ', langName(s.language),
      s.user ? ' · ' + s.user : '', ' · ', h('span', { title: s.created_at || '' }, fmtWhen(s.created_at))));
  const sourceText = s.source ?? (s.files || []).map((f) => `// ${f.name}\n${f.content}`).join('\n');
  const source = s.source !== undefined || s.files
    ? h('section', { class: 'source' }, h('div', { class: 'io-head' }, h('h2', null, 'Source'), copyButton('Copy the source', () => sourceText)), h('pre', { class: 'io code', id: 'source' }, sourceText))
    : h('p', { class: 'muted small' }, 'The source is shown to its author and admins only.');
  clear(page, head, result, source);
  let stop = () => {};
  const finish = (d: Submission) => {
    renderResult(result, d);
    if (d.verdict === 'AC' && d.problem) api.stats(d.problem).then((st) => renderStats(result, st, d)).catch(() => {});
  };
  if (s.status === 'done') {
    finish(s);
  } else {
    const progress = new Progress();
    progress.status(s.status || 'queued');
    if (s.status === 'running' && s.test_count) progress.test(s.tests_done || 0, s.test_count);
    clear(result, progress.el);
    stop = watch(s.id || params.id, { status: (x) => progress.status(x), test: (k, n, r) => progress.test(k, n, r), done: finish });
  }
  return () => stop();
}
