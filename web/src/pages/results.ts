// Rendering of a judged submission or a run: verdict, tests, the failing
// test's input, expected and actual output side by side, compile errors,
// the program's stdout, live progress and the histogram of accepted runs.
import type { Submission, TestResult, Stats, Histogram } from '../api';
import { h, clear, verdictBadge, verdictNames, verdictClass, fmtMs, fmtKiB, copyButton } from '../util';
import { parseCompileOutput, type Marker } from '../compile';

export interface ResultOptions {
  /** run is true for "Run" results (not stored, every test shown). */
  run?: boolean;
  /** onMarkers receives the compile error lines (the problem page marks them in the editor). */
  onMarkers?: (m: Marker[]) => void;
  /** gotoLine moves the editor to a line. */
  gotoLine?: (line: number) => void;
}

function passed(s: Submission): [number, number] {
  const tests = s.tests || [];
  const ok = tests.filter((t) => t.verdict === 'AC' || t.verdict === 'OK').length;
  return [ok, s.test_count || tests.length];
}

function block(title: string, text: string | undefined, cls = '', other?: string): HTMLElement {
  const t = text ?? '';
  const pre = h('pre', { class: 'io ' + cls });
  // Lines that differ from the other side are marked.
  if (other !== undefined) {
    const a = t.split('\n');
    const b = other.split('\n');
    a.forEach((line, i) => {
      const bad = (line.trimEnd() !== (b[i] ?? '').trimEnd()) && !(i === a.length - 1 && line === '');
      pre.appendChild(h('span', { class: bad ? 'line bad' : 'line' }, line + (i < a.length - 1 ? '\n' : '')));
    });
  } else {
    pre.textContent = t;
  }
  if (t === '') pre.appendChild(h('span', { class: 'muted' }, '(empty)'));
  return h('div', { class: 'io-block' }, h('div', { class: 'io-head' }, h('span', null, title), t ? copyButton('Copy ' + title.toLowerCase(), () => t) : ''), pre);
}

/** testDetail shows a test's input, expected and actual output side by side. */
export function testDetail(t: TestResult, heading?: string): HTMLElement {
  const hasExpected = t.expected !== undefined && t.expected !== null;
  return h('div', { class: 'test-detail', 'data-test': t.name },
    h('div', { class: 'test-detail-head' }, verdictBadge(t.verdict), ' ', h('strong', null, heading || t.name),
      t.message && t.output !== undefined && t.output !== null ? h('div', { class: 'checker-message small' }, t.message) : ''),
    h('div', { class: 'io-grid' + (hasExpected ? '' : ' two') },
      block('Input', t.input),
      hasExpected ? block('Expected', t.expected, 'expected', t.output ?? undefined) : null,
      t.output !== undefined && t.output !== null
        ? block('Output', t.output, 'actual', hasExpected ? t.expected : undefined)
        : h('div', { class: 'io-block' }, h('div', { class: 'io-head' }, h('span', { title: 'The judge did not return the program\'s output; this is what its checker said' }, 'Checker')),
          h('pre', { class: 'io actual checker' }, t.message || (t.verdict === 'AC' ? 'as expected' : 'not shown')))));
}

function testsTable(tests: TestResult[], showAll: boolean, onPick: (t: TestResult) => void): HTMLElement {
  return h('table', { class: 'table tests' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Test'), h('th', { scope: 'col' }, 'Verdict'), h('th', { scope: 'col', class: 'num' }, 'Time'), h('th', { scope: 'col', class: 'num' }, 'Memory'))),
    h('tbody', null, ...tests.map((t, i) => {
      const visible = t.input !== undefined && t.input !== null;
      const tr = h('tr', { class: visible && !showAll ? 'row-link' : '', 'data-verdict': t.verdict },
        h('td', null, String(i + 1)),
        h('td', null, t.name + (visible ? '' : ' '), visible ? '' : h('span', { class: 'muted small' }, '(hidden)')),
        h('td', null, verdictBadge(t.verdict)),
        h('td', { class: 'num' }, fmtMs(t.cpu_ms ?? t.wall_ms)),
        h('td', { class: 'num' }, fmtKiB(t.memory_kib)));
      if (visible && !showAll) {
        tr.tabIndex = 0;
        tr.addEventListener('click', () => onPick(t));
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') onPick(t); });
      }
      return tr;
    })));
}

/** renderResult shows a finished submission or run in el. */
export function renderResult(el: HTMLElement, s: Submission, opts: ResultOptions = {}): void {
  const v = s.verdict || (s.compile && !s.compile.ok ? 'CE' : undefined);
  const [ok, total] = passed(s);
  const tests = s.tests || [];
  const summary = h('div', { class: 'verdict-banner ' + verdictClass(v), role: 'status' },
    h('div', { class: 'verdict-title', 'data-verdict': v || '' }, v ? verdictNames[v] || v : 'Unknown'),
    h('div', { class: 'verdict-meta' },
      v !== 'CE' && total ? h('span', null, `${ok} / ${total} tests passed`) : '',
      s.score !== undefined && s.score !== null && v !== 'CE' && s.score !== 0 && s.score !== 1 ? h('span', null, `score ${s.score}`) : '',
      s.time_ms !== undefined && v !== 'CE' && (s.time_ms || s.memory_kib) ? h('span', { title: 'The slowest test\'s time' }, fmtMs(s.time_ms)) : '',
      s.memory_kib !== undefined && v !== 'CE' && s.memory_kib ? h('span', { title: 'The most memory a test used' }, fmtKiB(s.memory_kib)) : '',
      opts.run ? h('span', { class: 'muted' }, 'run, not recorded') : ''));
  clear(el, summary);
  if (s.message) el.appendChild(h('p', { class: 'message' }, s.message));

  if (s.compile && !s.compile.ok) {
    const markers = parseCompileOutput(s.compile.output || '');
    opts.onMarkers?.(markers);
    el.appendChild(h('div', { class: 'compile' },
      h('h3', null, 'Compiler output'),
      markers.length ? h('ul', { class: 'markers' }, ...markers.map((m) =>
        h('li', null, h('button', { class: 'btn small ghost', type: 'button', onclick: () => opts.gotoLine?.(m.line) }, `Line ${m.line}`), ' ', h('span', { class: m.severity }, m.message)))) : '',
      h('pre', { class: 'io compile-output' }, s.compile.output || '(no output)')));
  } else {
    opts.onMarkers?.([]);
    if (s.compile && s.compile.output) {
      el.appendChild(h('details', { class: 'compile' }, h('summary', null, 'Compiler warnings'), h('pre', { class: 'io' }, s.compile.output)));
    }
  }

  if (s.groups && s.groups.length && v !== 'CE') {
    el.appendChild(h('table', { class: 'table groups' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Group'), h('th', { scope: 'col' }, 'Verdict'), h('th', { scope: 'col', class: 'num' }, 'Score'))),
      h('tbody', null, ...s.groups.map((g) => h('tr', null, h('td', null, g.name), h('td', null, verdictBadge(g.verdict)),
        h('td', { class: 'num' }, g.max_score ? `${+g.score.toFixed(2)} / ${+g.max_score.toFixed(2)}` : String(+g.score.toFixed(2))))))));
  }

  if (tests.length) {
    const detail = h('div', { class: 'details-slot' });
    const pick = (t: TestResult) => clear(detail, testDetail(t));
    // A judged submission's failing test comes first; a run lists its cases after the table.
    if (opts.run) {
      el.appendChild(testsTable(tests, true, pick));
      el.appendChild(detail);
    } else {
      el.appendChild(detail);
      el.appendChild(testsTable(tests, false, pick));
    }
    if (opts.run) {
      tests.forEach((t, i) => detail.appendChild(testDetail(t, `Case ${i + 1}${t.name && !/^custom/.test(t.name) ? ' · ' + t.name : ''}`)));
    } else {
      const failed = tests.find((t) => t.verdict !== 'AC' && t.input !== undefined && t.input !== null);
      if (failed) detail.appendChild(testDetail(failed, 'First failing visible test: ' + failed.name));
      else if (v && v !== 'AC' && tests.some((t) => t.verdict !== 'AC')) {
        detail.appendChild(h('p', { class: 'muted' }, 'The first failing test is hidden: its data is not shown.'));
      }
    }
  }
  if (s.stdout) {
    el.appendChild(h('div', { class: 'stdout' }, h('h3', null, 'Your program printed'), h('pre', { class: 'io' }, s.stdout)));
  }
}

/** Progress shows a submission's live status: queued, compiling, test k of n. */
export class Progress {
  el: HTMLElement;
  private label: HTMLElement;
  private bar: HTMLElement;
  private list: HTMLElement;
  constructor() {
    this.label = h('div', { class: 'progress-label', 'aria-live': 'polite' }, 'Queued…');
    this.bar = h('div', { class: 'progress-fill' });
    this.list = h('div', { class: 'progress-tests' });
    this.el = h('div', { class: 'progress' }, this.label, h('div', { class: 'progress-bar', role: 'progressbar', 'aria-label': 'Judging' }, this.bar), this.list);
  }
  status(s: string): void {
    const names: Record<string, string> = { queued: 'Queued…', compiling: 'Compiling…', running: 'Running tests…', done: 'Done' };
    this.label.textContent = names[s] || s;
    if (s === 'compiling') this.bar.style.width = '5%';
  }
  test(k: number, n: number, r?: TestResult): void {
    this.label.textContent = `Test ${k} of ${n}`;
    this.bar.style.width = Math.max(5, Math.round((100 * k) / Math.max(1, n))) + '%';
    if (r) this.list.appendChild(h('span', { class: 'dot ' + verdictClass(r.verdict), title: `${r.name}: ${verdictNames[r.verdict] || r.verdict}` }));
  }
}

function bucketsOf(hist: Histogram | undefined, accepted: number): { lo: number; hi: number; count: number }[] {
  const b = (hist?.buckets || []).filter((x) => Number.isFinite(x.le) || x.count > 0);
  // Counts may be cumulative (Prometheus style): then they never decrease and the last is the total.
  const cumulative = b.length > 1 && b.every((x, i) => i === 0 || x.count >= b[i - 1].count) && b[b.length - 1].count === accepted &&
    b.reduce((a, x) => a + x.count, 0) !== accepted;
  let prev = 0;
  let lo = 0;
  return b.map((x) => {
    const count = cumulative ? x.count - prev : x.count;
    prev = x.count;
    const r = { lo, hi: Number.isFinite(x.le) ? x.le : Infinity, count };
    lo = r.hi;
    return r;
  });
}

/** histogram draws the distribution of accepted submissions, marking the bucket of value. */
function histogram(title: string, hist: Histogram | undefined, accepted: number, value: number | undefined, fmt: (n: number) => string): HTMLElement {
  const all = bucketsOf(hist, accepted);
  const box = h('div', { class: 'histogram' }, h('h4', null, title));
  if (!all.length || accepted === 0) { box.appendChild(h('p', { class: 'muted small' }, 'No accepted submissions yet.')); return box; }
  // The last bucket also holds everything above its bound.
  all[all.length - 1].hi = Infinity;
  const mineAll = value === undefined ? -1 : all.findIndex((b) => value <= b.hi);
  // Empty buckets at either end are left out (this submission's bucket stays).
  let from = all.findIndex((b) => b.count > 0);
  let to = all.length - 1 - [...all].reverse().findIndex((b) => b.count > 0);
  if (from < 0) { from = 0; to = all.length - 1; }
  if (mineAll >= 0) { from = Math.min(from, mineAll); to = Math.max(to, mineAll); }
  // Keep some context around a narrow distribution.
  while (to - from < 5 && (from > 0 || to < all.length - 1)) {
    if (from > 0) from--;
    if (to - from < 5 && to < all.length - 1) to++;
  }
  const bs = all.slice(from, to + 1);
  const mine = mineAll >= 0 ? mineAll - from : -1;
  const max = Math.max(...bs.map((b) => b.count), 1);
  const bars = h('div', { class: 'bars', role: 'img' });
  bs.forEach((b, i) => {
    const pct = Math.round((100 * b.count) / max);
    bars.appendChild(h('div', { class: 'bar' + (i === mine ? ' mine' : ''), title: `${b.hi === Infinity ? '> ' + fmt(b.lo) : '≤ ' + fmt(b.hi)}: ${b.count}` },
      h('div', { class: 'bar-fill', style: `height:${Math.max(pct, b.count ? 4 : 0)}%` })));
  });
  box.appendChild(bars);
  const first = bs[0], last = bs[bs.length - 1];
  box.appendChild(h('div', { class: 'bars-axis small muted' }, h('span', null, fmt(first.lo)), h('span', null, last.hi === Infinity ? '> ' + fmt(last.lo) : fmt(last.hi))));
  if (mine >= 0 && value !== undefined) {
    const slower = all.slice(mineAll + 1).reduce((a, b) => a + b.count, 0);
    const beats = Math.round((100 * slower) / accepted);
    bars.setAttribute('aria-label', `${title}: yours is ${fmt(value)}, better than about ${beats}% of ${accepted} accepted submissions`);
    box.appendChild(h('p', { class: 'small' }, h('strong', null, fmt(value)),
      accepted === 1 ? ' · the only accepted submission so far' : ` · beats about ${beats}% of ${accepted} accepted`));
  } else {
    bars.setAttribute('aria-label', `${title} of ${accepted} accepted submissions`);
  }
  return box;
}

/** renderStats adds the runtime and memory histograms of accepted submissions. */
export function renderStats(el: HTMLElement, stats: Stats, s?: Submission): void {
  const mine = s && s.verdict === 'AC' ? s : undefined;
  el.appendChild(h('div', { class: 'stats' },
    h('h3', null, `Accepted submissions (${stats.accepted})`),
    h('div', { class: 'stats-grid' },
      histogram('Runtime', stats.runtime_ms, stats.accepted, mine?.time_ms, fmtMs),
      histogram('Memory', stats.memory_kib, stats.accepted, mine?.memory_kib, fmtKiB))));
}
