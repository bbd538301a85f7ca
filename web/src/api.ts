// The HTTP API's shapes (docs/API.md) and small fetch helpers.

export interface ProblemSummary {
  id: string;
  title: string;
  kind: 'function' | 'stdio' | 'interactive' | string;
  type: 'pass-fail' | 'scoring' | string;
  difficulty?: string;
  tags?: string[];
  time_limit_ms: number;
  memory_mib: number;
  status?: 'solved' | 'tried' | string;
}

export interface Sample { name: string; input: string; output: string }

export interface Problem extends ProblemSummary {
  statement: string;
  statement_format?: string;
  samples?: Sample[];
  languages: string[];
  starter?: Record<string, string>;
}

export interface TestResult {
  name: string;
  group?: string;
  verdict: string;
  cpu_ms?: number;
  wall_ms?: number;
  memory_kib?: number;
  message?: string;
  input?: string;
  expected?: string;
  output?: string;
}

export interface Compile { ok: boolean; output?: string }

export interface Submission {
  id?: string;
  problem?: string;
  language?: string;
  user?: string;
  status?: string;
  verdict?: string;
  score?: number;
  created_at?: string;
  finished_at?: string;
  time_ms?: number;
  memory_kib?: number;
  compile?: Compile;
  tests?: TestResult[];
  stdout?: string;
  message?: string;
  test_count?: number;
  tests_done?: number;
  groups?: { name: string; score: number; max_score: number; verdict: string }[];
  source?: string;
  files?: { name: string; content: string }[];
}

export interface Histogram { buckets: { le: number; count: number }[] }
export interface Stats { accepted: number; runtime_ms?: Histogram; memory_kib?: Histogram }
export interface Language { id: string; name: string; version?: string; extensions?: string[] }

/** ApiError is a non-2xx answer, with the server's error code and message. */
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

const keyStorage = 'verdict.adminKey';

/** adminKey is the admin key the admin page stored for this tab, if any. */
export function adminKey(): string {
  try { return sessionStorage.getItem(keyStorage) || ''; } catch { return ''; }
}

export function setAdminKey(k: string): void {
  try { if (k) sessionStorage.setItem(keyStorage, k); else sessionStorage.removeItem(keyStorage); } catch { /* storage off */ }
}

/** request calls the API and decodes its JSON answer, throwing ApiError on failure. */
export async function request<T>(method: string, path: string, body?: unknown, opts: { raw?: BodyInit; contentType?: string; signal?: AbortSignal; admin?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    headers['Content-Type'] = opts.contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const key = adminKey();
  if (key && opts.admin) headers.Authorization = 'Bearer ' + key;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, signal: opts.signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'the server could not be reached: ' + (e as Error).message);
  }
  const text = await res.text();
  let data: any = undefined;
  if (text) {
    try { data = JSON.parse(text); } catch { data = undefined; }
  }
  if (!res.ok) {
    const err = data && data.error;
    const retry = res.headers.get('Retry-After');
    let msg = err?.message || text.trim() || res.statusText;
    if (retry) msg += ` (retry after ${retry} s)`;
    throw new ApiError(res.status, err?.code || String(res.status), msg);
  }
  return (data ?? text) as T;
}

export const api = {
  problems: () => request<{ problems: ProblemSummary[] }>('GET', '/api/v1/problems'),
  problem: (id: string) => request<Problem>('GET', '/api/v1/problems/' + encodeURIComponent(id)),
  stats: (id: string) => request<Stats>('GET', '/api/v1/problems/' + encodeURIComponent(id) + '/stats'),
  submit: (problem: string, language: string, source: string) =>
    request<{ id: string; status: string }>('POST', '/api/v1/submissions', { problem, language, source }),
  submission: (id: string) => request<Submission>('GET', '/api/v1/submissions/' + encodeURIComponent(id)),
  submissions: (q: Record<string, string>) => {
    const p = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== ''));
    return request<{ submissions: Submission[]; next?: string }>('GET', '/api/v1/submissions?' + p.toString());
  },
  run: (problem: string, language: string, source: string, tests?: string[], signal?: AbortSignal) =>
    request<Submission>('POST', '/api/v1/runs', tests ? { problem, language, source, tests } : { problem, language, source }, { signal }),
  languages: () => request<{ languages: Language[] }>('GET', '/api/v1/languages'),
  importProblem: (zip: Blob, id: string, replace: boolean) =>
    replace
      ? request<Problem>('PUT', '/api/v1/problems/' + encodeURIComponent(id), undefined, { raw: zip, contentType: 'application/zip', admin: true })
      : request<Problem>('POST', '/api/v1/problems' + (id ? '?id=' + encodeURIComponent(id) : ''), undefined, { raw: zip, contentType: 'application/zip', admin: true }),
  deleteProblem: (id: string) => request<void>('DELETE', '/api/v1/problems/' + encodeURIComponent(id), undefined, { admin: true }),
};

/** watch follows a submission's events until it is done; it returns a stop function. */
export function watch(id: string, on: { status?: (s: string) => void; test?: (k: number, n: number, r: TestResult) => void; done: (s: Submission) => void; error?: (msg: string) => void }): () => void {
  let closed = false;
  let es: EventSource | null = null;
  let fallback: number | undefined;
  const stop = () => { closed = true; es?.close(); if (fallback) clearTimeout(fallback); };
  const poll = async () => {
    if (closed) return;
    try {
      const s = await api.submission(id);
      if (s.status === 'done') { stop(); on.done(s); return; }
      if (s.status) on.status?.(s.status);
    } catch (e) {
      on.error?.((e as Error).message);
    }
    fallback = window.setTimeout(poll, 1000);
  };
  if (typeof EventSource === 'undefined') { poll(); return stop; }
  es = new EventSource('/api/v1/submissions/' + encodeURIComponent(id) + '/events');
  es.addEventListener('status', (ev) => {
    try { on.status?.(JSON.parse((ev as MessageEvent).data).status); } catch { /* ignore a bad event */ }
  });
  es.addEventListener('test', (ev) => {
    try {
      const d = JSON.parse((ev as MessageEvent).data);
      on.test?.(d.test, d.total, d.result);
    } catch { /* ignore */ }
  });
  es.addEventListener('done', (ev) => {
    let s: Submission | null = null;
    try { s = JSON.parse((ev as MessageEvent).data); } catch { /* fall back to a GET */ }
    stop();
    if (s) on.done(s); else { closed = false; poll(); }
  });
  es.onerror = () => {
    // The stream broke (server restart, proxy): poll the submission instead.
    if (closed) return;
    es?.close();
    if (!fallback) fallback = window.setTimeout(poll, 500);
  };
  return stop;
}
