// The problem page: statement, samples, editor, Run and Submit, results.
import { api, watch, ApiError, type Problem, type Submission } from '../api';
import { h, clear, errorBox, kindNames, langName, copyButton, store, fmtMs, modKey } from '../util';
import { renderMarkdown } from '../markdown';
import { createEditor, type EditorHandle } from '../editor';
import { renderResult, renderStats, Progress } from './results';
import { EditorView } from '@codemirror/view';

/** Templates for input/output problems, where the package gives no starter code. */
const templates: Record<string, string> = {
  c: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n',
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    \n    return 0;\n}\n',
  python: 'import sys\n\ndef main():\n    data = sys.stdin.read().split()\n    \n\nmain()\n',
  java: 'import java.util.*;\nimport java.io.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n        \n    }\n}\n',
  javascript: "const data = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n\n",
  go: 'package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tin := bufio.NewReader(os.Stdin)\n\tout := bufio.NewWriter(os.Stdout)\n\tdefer out.Flush()\n\t_ = in\n\tfmt.Fprintln(out)\n}\n',
  rust: 'use std::io::{self, Read, Write};\n\nfn main() {\n    let mut input = String::new();\n    io::stdin().read_to_string(&mut input).unwrap();\n    let out = io::stdout();\n    let mut out = out.lock();\n    writeln!(out).unwrap();\n}\n',
};

const draftKey = (id: string, lang: string) => `verdict.draft.${id}.${lang}`;

function limitsLine(p: Problem): HTMLElement {
  return h('div', { class: 'limits small muted' },
    h('span', null, 'Time limit ', h('strong', null, fmtMs(p.time_limit_ms))),
    h('span', null, 'Memory ', h('strong', null, p.memory_mib + ' MiB')),
    h('span', null, kindNames[p.kind] || p.kind),
    p.type === 'scoring' ? h('span', null, 'Scored') : '');
}

function samplesView(p: Problem): HTMLElement | null {
  if (!p.samples || !p.samples.length) return null;
  return h('section', { class: 'samples', 'aria-label': 'Samples' },
    h('h2', null, 'Samples'),
    ...p.samples.map((s, i) => h('div', { class: 'sample' },
      h('div', { class: 'io-grid' },
        h('div', { class: 'io-block' }, h('div', { class: 'io-head' }, h('span', null, `Input ${i + 1}`), copyButton(`Copy sample input ${i + 1}`, () => s.input)), h('pre', { class: 'io' }, s.input)),
        h('div', { class: 'io-block' }, h('div', { class: 'io-head' }, h('span', null, `Output ${i + 1}`), copyButton(`Copy sample output ${i + 1}`, () => s.output)), h('pre', { class: 'io' }, s.output))))));
}

export async function problemPage(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const id = params.id;
  const loading = h('div', { class: 'page' }, h('p', { class: 'muted' }, 'Loading…'));
  main.appendChild(loading);
  let p: Problem;
  try {
    p = await api.problem(id);
  } catch (e) {
    clear(loading, h('h1', null, id), errorBox('Could not load the problem: ' + (e as Error).message), h('p', null, h('a', { href: '/' }, 'Back to the problems')));
    return () => {};
  }
  document.title = `${p.title} · Verdict`;
  const stops: (() => void)[] = [];
  let busy = false;

  // Statement pane.
  const statement = h('div', { class: 'statement markdown' });
  const stmtPane = h('section', { class: 'pane statement-pane', 'aria-label': 'Statement' },
    h('div', { class: 'crumbs small' }, h('a', { href: '/' }, 'Problems'), ' / ', p.id),
    h('h1', { class: 'problem-title' }, p.title,
      p.status === 'solved' ? h('span', { class: 'status solved', title: 'Solved' }, ' ✓') : ''),
    h('div', { class: 'badges' },
      p.difficulty ? h('span', { class: 'diff diff-' + p.difficulty }, p.difficulty) : '',
      ...(p.tags || []).map((t) => h('span', { class: 'tag' }, t))),
    limitsLine(p),
    h('a', { class: 'to-editor small', href: '#editor', onclick: (e: Event) => { e.preventDefault(); workPane.scrollIntoView(); editor.view.focus(); } }, 'Go to the editor ↓'),
    statement,
    samplesView(p),
    h('p', { class: 'small muted' }, h('a', { href: '/submissions?problem=' + encodeURIComponent(p.id) }, 'My submissions to this problem')));
  // The statement's own first heading repeats the title shown above it.
  const text = (p.statement || '').replace(/^\s*#\s+(.+)\n/, (all, t: string) => (t.trim().toLowerCase() === (p.title || '').trim().toLowerCase() ? '' : all));
  void renderMarkdown(statement, text);

  // Editor pane.
  const langs = p.languages && p.languages.length ? p.languages : ['cpp', 'python'];
  const savedLang = store.get('verdict.lang') || '';
  let lang = langs.includes(savedLang) ? savedLang : langs.includes('python') ? 'python' : langs[0];
  const picker = h('select', { class: 'input', 'aria-label': 'Language', id: 'language' }, ...langs.map((l) => h('option', { value: l }, langName(l))));
  picker.value = lang;
  const initialText = (l: string) => store.get(draftKey(p.id, l)) ?? (p.starter?.[l] ?? templates[l] ?? '');
  const runBtn = h('button', { class: 'btn', type: 'button', id: 'run', title: `Run on the samples or your input (${modKey}+Enter)` }, '▶ Run');
  const submitBtn = h('button', { class: 'btn primary', type: 'button', id: 'submit', title: `Submit for judging (${modKey}+Shift+Enter)` }, 'Submit');
  const resetBtn = h('button', { class: 'btn ghost small', type: 'button', title: 'Replace the code with the starter code' }, 'Reset');
  const saved = h('span', { class: 'small muted saved', 'aria-live': 'polite' });
  const editorBox = h('div', { class: 'editor', id: 'editor' });
  const customToggle = h('input', { type: 'checkbox', id: 'custom-toggle' }) as HTMLInputElement;
  const custom = h('textarea', { class: 'input mono custom-input', id: 'custom-input', rows: '4', spellcheck: 'false', 'aria-label': 'Custom input', placeholder: p.kind === 'function' ? 'One test case in the problem\'s input format, e.g. the lines of a sample input' : 'Input given to your program' }) as HTMLTextAreaElement;
  custom.value = store.get(`verdict.custom.${p.id}`) ?? (p.samples?.[0]?.input || '');
  customToggle.checked = store.get(`verdict.customOn.${p.id}`) === '1';
  const customLabel = h('label', { class: 'check' }, customToggle, ' Custom input');
  custom.hidden = !customToggle.checked;
  customToggle.addEventListener('change', () => {
    custom.hidden = !customToggle.checked;
    store.set(`verdict.customOn.${p.id}`, customToggle.checked ? '1' : '0');
    if (customToggle.checked) custom.focus();
  });
  custom.addEventListener('input', () => store.set(`verdict.custom.${p.id}`, custom.value));
  const result = h('div', { class: 'result', id: 'result', 'aria-live': 'polite' },
    h('p', { class: 'muted small hint' }, `Run your code on the samples with ${modKey}+Enter, submit with ${modKey}+Shift+Enter.`));

  let saveTimer: number | undefined;
  let editor: EditorHandle;
  const keys = [
    { key: 'Mod-Enter', run: () => { void doRun(); return true; } },
    { key: 'Mod-Shift-Enter', run: () => { void doSubmit(); return true; } },
  ];
  const hSplit = h('div', { class: 'splitter splitter-h', role: 'separator', 'aria-orientation': 'horizontal', 'aria-label': 'Resize the editor and the results', tabindex: '0' });
  const vSplit = h('div', { class: 'splitter splitter-v', role: 'separator', 'aria-orientation': 'vertical', 'aria-label': 'Resize the statement and the code', tabindex: '0' });
  const workPane = h('section', { class: 'pane work-pane', 'aria-label': 'Code' },
    h('div', { class: 'toolbar' }, picker, resetBtn, saved, h('span', { class: 'grow' }), runBtn, submitBtn),
    editorBox,
    hSplit,
    h('div', { class: 'console' },
      h('div', { class: 'console-head' },
        customLabel,
        h('span', { class: 'grow' })),
      custom,
      result));
  const layout = h('div', { class: 'problem-layout' }, stmtPane, vSplit, workPane);
  clear(main, layout);
  stops.push(splitter(vSplit, 'x', 'verdict.split.x', 0.2, 0.75, (f) => layout.style.setProperty('--split-x', String(f))));
  stops.push(splitter(hSplit, 'y', 'verdict.split.y', 0.15, 0.85, (f) => workPane.style.setProperty('--split-y', String(f))));

  editor = createEditor(editorBox, {
    text: initialText(lang),
    lang,
    label: 'Code editor',
    keys,
    onChange: (text) => {
      clearTimeout(saveTimer);
      saveTimer = window.setTimeout(() => {
        store.set(draftKey(p.id, lang), text);
        saved.textContent = 'Draft saved';
      }, 400);
      if (markersShown) { editor.setMarkers([]); markersShown = false; }
    },
  });
  let markersShown = false;
  stops.push(() => { clearTimeout(saveTimer); store.set(draftKey(p.id, lang), editor.text()); editor.view.destroy(); });

  picker.addEventListener('change', () => {
    clearTimeout(saveTimer);
    store.set(draftKey(p.id, lang), editor.text());
    lang = picker.value;
    store.set('verdict.lang', lang);
    editor.setText(initialText(lang));
    saved.textContent = '';
    void editor.setLanguage(lang);
  });
  resetBtn.addEventListener('click', () => {
    if (!confirm('Replace your code with the starter code? Your draft for this language is lost.')) return;
    store.del(draftKey(p.id, lang));
    editor.setText(p.starter?.[lang] ?? templates[lang] ?? '');
    editor.focus();
  });

  const gotoLine = (line: number) => {
    const doc = editor.view.state.doc;
    if (line < 1 || line > doc.lines) return;
    const l = doc.line(line);
    editor.view.dispatch({ selection: { anchor: l.from }, effects: EditorView.scrollIntoView(l.from, { y: 'center' }) });
    editor.focus();
  };
  const onMarkers = (m: Parameters<EditorHandle['setMarkers']>[0]) => { editor.setMarkers(m); markersShown = m.length > 0; };

  const setBusy = (b: boolean) => {
    busy = b;
    runBtn.disabled = b;
    submitBtn.disabled = b;
    workPane.classList.toggle('busy', b);
  };

  // Bring the verdict into view: the console scrolls on wide screens, the page on narrow ones.
  const showResult = () => {
    const banner = result.querySelector('.verdict-banner');
    if (banner) banner.scrollIntoView({ block: 'nearest' });
  };

  let abort: AbortController | null = null;
  async function doRun(): Promise<void> {
    if (busy) return;
    setBusy(true);
    store.set(draftKey(p.id, lang), editor.text());
    clear(result, h('div', { class: 'progress' }, h('div', { class: 'progress-label' }, customToggle.checked ? 'Running on your input…' : 'Running on the samples…'), h('div', { class: 'progress-bar indeterminate' }, h('div', { class: 'progress-fill' }))));
    abort = new AbortController();
    try {
      const r = await api.run(p.id, lang, editor.text(), customToggle.checked ? [custom.value.endsWith('\n') || custom.value === '' ? custom.value : custom.value + '\n'] : undefined, abort.signal);
      renderResult(result, r, { run: true, onMarkers, gotoLine });
      showResult();
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      clear(result, errorBox('Run failed: ' + (e as Error).message));
      // A server that takes no custom input for this problem says so: the option goes away.
      if (e instanceof ApiError && e.status === 400 && customToggle.checked && /custom/i.test(e.message)) {
        customToggle.checked = false;
        customToggle.disabled = true;
        store.set(`verdict.customOn.${p.id}`, '0');
        custom.hidden = true;
        customLabel.title = e.message;
        customLabel.classList.add('muted');
        result.appendChild(h('p', { class: 'small muted' }, 'Run again to use the samples.'));
      }
    } finally {
      abort = null;
      setBusy(false);
    }
  }
  stops.push(() => abort?.abort());

  async function doSubmit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    const source = editor.text();
    store.set(draftKey(p.id, lang), source);
    clear(result, h('div', { class: 'progress' }, h('div', { class: 'progress-label' }, 'Submitting…')));
    let sid: string;
    try {
      sid = (await api.submit(p.id, lang, source)).id;
    } catch (e) {
      clear(result, errorBox('Submit failed: ' + (e as Error).message));
      setBusy(false);
      return;
    }
    const progress = new Progress();
    clear(result, progress.el, h('p', { class: 'small muted' }, 'Submission ', h('a', { href: '/submissions/' + sid }, sid)));
    await new Promise<void>((resolve) => {
      const stop = watch(sid, {
        status: (s) => progress.status(s),
        test: (k, n, r) => progress.test(k, n, r),
        done: (s: Submission) => {
          renderResult(result, s, { onMarkers, gotoLine });
          result.appendChild(h('p', { class: 'small' }, h('a', { href: '/submissions/' + sid }, 'Open this submission')));
          showResult();
          if (s.verdict === 'AC') {
            const title = stmtPane.querySelector('.problem-title');
            if (title && !title.querySelector('.status.solved')) title.appendChild(h('span', { class: 'status solved', title: 'Solved' }, ' ✓'));
            api.stats(p.id).then((st) => renderStats(result, st, s)).catch(() => { /* stats are extra */ });
          }
          resolve();
        },
        error: (msg) => progress.status('waiting for the server… (' + msg + ')'),
      });
      stops.push(() => { stop(); resolve(); });
    });
    setBusy(false);
  }
  runBtn.addEventListener('click', () => void doRun());
  submitBtn.addEventListener('click', () => void doSubmit());

  // The shortcuts work anywhere on the page, not only in the editor.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    if ((e.target as Element).closest?.('.cm-editor')) return; // the editor's keymap has it
    e.preventDefault();
    if (e.shiftKey) void doSubmit(); else void doRun();
  };
  document.addEventListener('keydown', onKey);
  stops.push(() => document.removeEventListener('keydown', onKey));

  return () => { for (const s of stops) s(); document.title = 'Verdict'; };
}

/**
 * splitter makes el a separator that the pointer or the arrow keys move; the
 * fraction (of its parent's width or height) is kept in localStorage.
 */
function splitter(el: HTMLElement, axis: 'x' | 'y', key: string, min: number, max: number, apply: (f: number) => void): () => void {
  const parent = el.parentElement!;
  let frac = Number(store.get(key)) || 0;
  const set = (f: number) => {
    frac = Math.min(max, Math.max(min, f));
    apply(frac);
    el.setAttribute('aria-valuenow', String(Math.round(frac * 100)));
  };
  if (frac) set(frac);
  const fromEvent = (e: PointerEvent) => {
    const r = parent.getBoundingClientRect();
    // The work pane's rows start below its toolbar.
    const top = axis === 'y' ? (parent.firstElementChild as HTMLElement).getBoundingClientRect().bottom : r.left;
    const size = axis === 'y' ? r.bottom - top : r.width;
    return ((axis === 'y' ? e.clientY : e.clientX) - top) / size;
  };
  const move = (e: PointerEvent) => set(fromEvent(e));
  const up = () => {
    el.classList.remove('dragging');
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    store.set(key, String(frac));
  };
  el.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    el.classList.add('dragging');
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  });
  el.addEventListener('keydown', (e) => {
    const less = axis === 'y' ? 'ArrowUp' : 'ArrowLeft';
    const more = axis === 'y' ? 'ArrowDown' : 'ArrowRight';
    if (e.key !== less && e.key !== more) return;
    e.preventDefault();
    set((frac || (axis === 'y' ? 0.55 : 0.48)) + (e.key === more ? 0.03 : -0.03));
    store.set(key, String(frac));
  });
  el.addEventListener('dblclick', () => { frac = 0; store.del(key); apply(axis === 'y' ? 0.55 : 0.48); });
  return up;
}
