// Compile error parsing: turns a compiler's output into line markers.

export interface Marker { line: number; col: number; severity: 'error' | 'warning'; message: string }

// Each pattern matches one line of output naming the user's file; the
// message is on the same line, or (Python, rustc) on a nearby one.
const gccLike = /^(?:\.\/)?([\w./-]*?(?:solution|Solution|main|Main|source|prog)[\w.-]*\.(?:c|cc|cpp|cxx|h|hpp|go|java|js|mjs|ts|kt|cs)):(\d+)(?::(\d+))?:?\s*(fatal error|error|warning|note)?:?\s*(.*)$/;
const javac = /^([\w./-]*\.java):(\d+):\s*(error|warning):\s*(.*)$/;
const python = /File "([^"]+)", line (\d+)/;
const rustc = /^\s*-->\s*([^:]+\.rs):(\d+):(\d+)/;
const rustHead = /^(error|warning)(?:\[\w+\])?:\s*(.*)$/;
const nodeLoc = /^([\w./-]+\.(?:js|mjs|cjs)):(\d+)$/;

/** userFile reports whether a path names the submitted file rather than a generated harness or a library. */
function userFile(path: string): boolean {
  const base = path.split('/').pop() || path;
  return /^(solution|Solution|main|Main|prog|source)\.\w+$/.test(base);
}

/** parseCompileOutput finds the lines of the user's file that the compiler complained about. */
export function parseCompileOutput(out: string): Marker[] {
  const markers: Marker[] = [];
  const lines = out.split('\n');
  let pendingRust: { severity: 'error' | 'warning'; message: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/\x1b\[[0-9;]*m/g, '');
    let m: RegExpMatchArray | null;
    if ((m = l.match(rustHead))) {
      pendingRust = { severity: m[1] as 'error' | 'warning', message: m[2] };
      continue;
    }
    if ((m = l.match(rustc))) {
      if (userFile(m[1])) {
        markers.push({ line: +m[2], col: +m[3], severity: pendingRust?.severity || 'error', message: pendingRust?.message || 'error' });
      }
      pendingRust = null;
      continue;
    }
    if ((m = l.match(javac))) {
      if (userFile(m[1])) markers.push({ line: +m[2], col: 1, severity: m[3] as 'error' | 'warning', message: m[4] });
      continue;
    }
    if ((m = l.match(python))) {
      if (userFile(m[1]) || m[1].endsWith('solution.py')) {
        // The message is the last line of the traceback block: "SyntaxError: ...".
        let msg = '';
        for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
          const t = lines[j].trim();
          if (/^\w*(Error|Exception)\b/.test(t)) { msg = t; break; }
          if (/^File "/.test(t)) break;
        }
        markers.push({ line: +m[2], col: 1, severity: 'error', message: msg || 'error here' });
      }
      continue;
    }
    if ((m = l.match(nodeLoc))) {
      if (userFile(m[1])) {
        let msg = '';
        for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
          const t = lines[j].trim();
          if (/^\w*Error\b/.test(t)) { msg = t; break; }
        }
        markers.push({ line: +m[2], col: 1, severity: 'error', message: msg || 'error here' });
      }
      continue;
    }
    if ((m = l.match(gccLike))) {
      if (!userFile(m[1])) continue;
      const kind = m[4] || 'error';
      if (kind === 'note') continue;
      markers.push({ line: +m[2], col: m[3] ? +m[3] : 1, severity: kind === 'warning' ? 'warning' : 'error', message: m[5] || kind });
    }
  }
  // One marker per line and severity: the first message wins.
  const seen = new Set<string>();
  return markers.filter((mk) => {
    const k = mk.line + ':' + mk.severity;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
