// The problem list: search, filters by difficulty, kind and status.
import { api, type ProblemSummary } from '../api';
import { h, clear, errorBox, kindNames, store } from '../util';
import { navigate } from '../nav';

const difficultyOrder: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

function statusCell(p: ProblemSummary): HTMLElement {
  if (p.status === 'solved') return h('span', { class: 'status solved', title: 'Solved', 'aria-label': 'Solved' }, '✓');
  if (p.status === 'tried') return h('span', { class: 'status tried', title: 'Tried, not solved yet', 'aria-label': 'Tried' }, '●');
  return h('span', { class: 'status none', 'aria-label': 'Not tried' }, '');
}

export async function listPage(main: HTMLElement, _p: Record<string, string>, query: URLSearchParams): Promise<() => void> {
  const page = h('div', { class: 'page' });
  main.appendChild(page);
  const saved = JSON.parse(store.get('verdict.listFilter') || '{}') as Record<string, string>;
  const search = h('input', { type: 'search', class: 'input grow', placeholder: 'Search problems (press /)', 'aria-label': 'Search problems', value: query.get('q') || '' });
  const diff = h('select', { class: 'input', 'aria-label': 'Difficulty' }, h('option', { value: '' }, 'Any difficulty'));
  const kind = h('select', { class: 'input', 'aria-label': 'Kind' }, h('option', { value: '' }, 'Any kind'),
    ...Object.entries(kindNames).map(([k, n]) => h('option', { value: k }, n)));
  const status = h('select', { class: 'input', 'aria-label': 'Status' }, h('option', { value: '' }, 'Any status'),
    h('option', { value: 'solved' }, 'Solved'), h('option', { value: 'tried' }, 'Tried'), h('option', { value: 'todo' }, 'Not solved'));
  const tbody = h('tbody');
  const count = h('p', { class: 'muted small', 'aria-live': 'polite' });
  clear(page,
    h('h1', null, 'Problems'),
    h('div', { class: 'toolbar wrap', role: 'search' }, search, diff, kind, status),
    h('table', { class: 'table problems' },
      h('thead', null, h('tr', null,
        h('th', { class: 'c-status', scope: 'col' }, h('span', { class: 'sr-only' }, 'Status')),
        h('th', { scope: 'col' }, 'Title'),
        h('th', { scope: 'col', class: 'c-diff' }, 'Difficulty'),
        h('th', { scope: 'col', class: 'c-kind' }, 'Kind'),
        h('th', { scope: 'col', class: 'c-tags' }, 'Tags'))),
      tbody),
    count);

  let problems: ProblemSummary[] = [];
  try {
    problems = (await api.problems()).problems || [];
  } catch (e) {
    page.appendChild(errorBox('Could not load the problems: ' + (e as Error).message));
    return () => {};
  }
  problems.sort((a, b) => (difficultyOrder[a.difficulty || ''] ?? 9) - (difficultyOrder[b.difficulty || ''] ?? 9) || a.title.localeCompare(b.title));
  const diffs = [...new Set(problems.map((p) => p.difficulty).filter(Boolean) as string[])].sort((a, b) => (difficultyOrder[a] ?? 9) - (difficultyOrder[b] ?? 9));
  for (const d of diffs) diff.appendChild(h('option', { value: d }, d[0].toUpperCase() + d.slice(1)));
  diff.value = saved.diff || '';
  kind.value = saved.kind || '';
  status.value = saved.status || '';

  const draw = () => {
    const q = search.value.trim().toLowerCase();
    store.set('verdict.listFilter', JSON.stringify({ diff: diff.value, kind: kind.value, status: status.value }));
    const rows = problems.filter((p) => {
      if (diff.value && p.difficulty !== diff.value) return false;
      if (kind.value && p.kind !== kind.value) return false;
      if (status.value === 'todo' ? p.status === 'solved' : status.value && p.status !== status.value) return false;
      if (!q) return true;
      return p.title.toLowerCase().includes(q) || p.id.toLowerCase().includes(q) || (p.tags || []).some((t) => t.toLowerCase().includes(q));
    });
    tbody.replaceChildren(...rows.map((p) => {
      const link = h('a', { href: '/problems/' + encodeURIComponent(p.id), class: 'title-link' }, p.title || p.id);
      const tr = h('tr', { class: 'row-link', 'data-id': p.id },
        h('td', { class: 'c-status' }, statusCell(p)),
        h('td', null, link),
        h('td', { class: 'c-diff' }, p.difficulty ? h('span', { class: 'diff diff-' + p.difficulty }, p.difficulty) : ''),
        h('td', { class: 'c-kind' }, h('span', { class: 'kind' }, kindNames[p.kind] || p.kind)),
        h('td', { class: 'c-tags' }, ...(p.tags || []).map((t) => h('button', { class: 'tag', type: 'button', title: 'Show problems tagged ' + t, onclick: (e: Event) => { e.stopPropagation(); search.value = t; draw(); } }, t))));
      tr.addEventListener('click', (e) => { if (!(e.target as Element).closest('a,button')) navigate('/problems/' + encodeURIComponent(p.id)); });
      return tr;
    }));
    if (rows.length === 0) tbody.appendChild(h('tr', null, h('td', { colspan: '5', class: 'muted center' }, problems.length ? 'No problem matches.' : 'No problems yet. An admin can import packages on the Admin page.')));
    const solved = problems.filter((p) => p.status === 'solved').length;
    count.textContent = `${rows.length} of ${problems.length} problems shown · ${solved} solved`;
    const url = q ? '?q=' + encodeURIComponent(search.value.trim()) : location.pathname;
    history.replaceState(null, '', url);
  };
  search.addEventListener('input', draw);
  for (const s of [diff, kind, status]) s.addEventListener('change', draw);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = tbody.querySelector<HTMLAnchorElement>('a.title-link');
      if (first) navigate(first.getAttribute('href')!);
    }
  });
  draw();

  const onKey = (e: KeyboardEvent) => {
    if (e.key === '/' && !(e.target as Element).closest('input,textarea,select,[contenteditable]')) {
      e.preventDefault();
      search.focus();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
