// The code editor: CodeMirror 6 with the language modes loaded on demand,
// colours from the page's theme (CSS variables and highlight classes), and
// compile errors shown as line markers.
import { EditorState, Compartment, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars, type KeyBinding } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentOnInput, bracketMatching, syntaxHighlighting, indentUnit, foldGutter, foldKeymap } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { setDiagnostics, lintGutter, type Diagnostic } from '@codemirror/lint';
import { classHighlighter } from '@lezer/highlight';
import type { Marker } from './compile';

/** loadLanguage imports the mode for a Verdict language id (c, cpp, python, ...). */
async function loadLanguage(lang: string): Promise<Extension> {
  switch (lang) {
    case 'c': case 'cpp': case 'c++': return (await import('@codemirror/lang-cpp')).cpp();
    case 'python': case 'python3': case 'pypy': return (await import('@codemirror/lang-python')).python();
    case 'java': case 'kotlin': return (await import('@codemirror/lang-java')).java();
    case 'javascript': case 'js': case 'node': return (await import('@codemirror/lang-javascript')).javascript();
    case 'typescript': case 'ts': return (await import('@codemirror/lang-javascript')).javascript({ typescript: true });
    case 'rust': return (await import('@codemirror/lang-rust')).rust();
    case 'go': return (await import('@codemirror/lang-go')).go();
    default: return [];
  }
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: 'var(--code-bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--accent)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' },
});

export interface EditorHandle {
  view: EditorView;
  setLanguage(lang: string): Promise<void>;
  setText(text: string): void;
  text(): string;
  setMarkers(markers: Marker[]): void;
  focus(): void;
}

/** createEditor mounts an editor in parent; onChange sees every edit, keys come first. */
export function createEditor(parent: HTMLElement, opts: { text: string; lang: string; onChange: (text: string) => void; keys: KeyBinding[]; label: string }): EditorHandle {
  const language = new Compartment();
  const tabSize = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.text,
      extensions: [
        keymap.of(opts.keys),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(classHighlighter),
        lintGutter(),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, indentWithTab]),
        tabSize.of([indentUnit.of('    '), EditorState.tabSize.of(4)]),
        language.of([]),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
        EditorView.updateListener.of((u) => { if (u.docChanged) opts.onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  let want = '';
  const handle: EditorHandle = {
    view,
    async setLanguage(lang: string) {
      want = lang;
      const ext = await loadLanguage(lang);
      if (want !== lang) return; // a later choice won
      const unit = lang === 'go' ? [indentUnit.of('\t'), EditorState.tabSize.of(4)] : [indentUnit.of('    '), EditorState.tabSize.of(4)];
      view.dispatch({ effects: [language.reconfigure(ext), tabSize.reconfigure(unit)] });
    },
    setText(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    text: () => view.state.doc.toString(),
    setMarkers(markers: Marker[]) {
      const doc = view.state.doc;
      const diags: Diagnostic[] = [];
      for (const m of markers) {
        if (m.line < 1 || m.line > doc.lines) continue;
        const line = doc.line(m.line);
        const from = Math.min(line.from + Math.max(0, m.col - 1), line.to);
        diags.push({ from, to: line.to > from ? line.to : from, severity: m.severity, message: m.message });
      }
      view.dispatch(setDiagnostics(view.state, diags));
    },
    focus: () => view.focus(),
  };
  void handle.setLanguage(opts.lang);
  return handle;
}
