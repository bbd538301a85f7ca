// Builds the site into dist/ (or the directory given as the first argument):
// esbuild bundles src/main.ts with code splitting (language modes and KaTeX
// load on demand), hashes asset names, and writes index.html pointing at them.
// The output depends only on the sources and the pinned packages, so CI can
// rebuild it and compare with the committed dist/.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, rmSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ? resolve(process.argv[2]) : join(here, 'dist');

// KaTeX's stylesheet lists each font as woff2, woff and ttf; every browser the
// site supports reads woff2, so only those are bundled.
const katexWoff2Only = {
  name: 'katex-woff2-only',
  setup(build) {
    build.onLoad({ filter: /katex[\\/]dist[\\/]katex\.css$/ }, (args) => {
      const css = readFileSync(args.path, 'utf8')
        .replace(/,\s*url\([^)]*\.woff\) format\("woff"\)/g, '')
        .replace(/,\s*url\([^)]*\.ttf\) format\("truetype"\)/g, '');
      return { contents: css, loader: 'css' };
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// KaTeX's stylesheet first: the application links it by its hashed name
// when a statement has math.
const katexCss = await esbuild.build({
  entryPoints: { katex: join(here, 'node_modules/katex/dist/katex.css') },
  bundle: true,
  minify: true,
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.woff2': 'file' },
  metafile: true,
  plugins: [katexWoff2Only],
  logLevel: 'warning',
  absWorkingDir: here,
});
const katexOut = Object.keys(katexCss.metafile.outputs).find((f) => f.endsWith('.css'));

const result = await esbuild.build({
  entryPoints: [join(here, 'src/main.ts')],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  define: { KATEX_CSS: JSON.stringify('/' + relative(out, join(here, katexOut)).split('\\').join('/')) },
  logLevel: 'warning',
  absWorkingDir: here,
});

const outputs = Object.entries(result.metafile.outputs);
const entry = outputs.find(([, o]) => o.entryPoint && o.entryPoint.endsWith('src/main.ts'));
if (!entry) throw new Error('build: no entry output');
const css = entry[1].cssBundle ? [entry[1].cssBundle] : null;
const rel = (f) => '/' + relative(out, join(here, f)).split('\\').join('/');

let html = readFileSync(join(here, 'src/index.html'), 'utf8');
html = html.replace('<!--SCRIPT-->', `<script type="module" src="${rel(entry[0])}"></script>`);
html = html.replace('<!--STYLE-->', css ? `<link rel="stylesheet" href="${rel(css[0])}">` : '');
writeFileSync(join(out, 'index.html'), html);
writeFileSync(join(out, 'favicon.svg'), readFileSync(join(here, 'src/favicon.svg')));

// Report what a first visit downloads (the entry, its static imports and the
// main stylesheet) and the whole build, gzip-compressed.
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const initial = new Set([entry[0], ...entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)]);
if (css) initial.add(css[0]);
let first = gz(join(out, 'index.html'));
for (const f of initial) first += gz(join(here, f));
// The problem page adds its chunk and everything that chunk imports statically.
const closure = (start) => {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of result.metafile.outputs[f]?.imports || []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(start);
  return seen;
};
const problemChunk = outputs.find(([f]) => /assets\/problem-[^/]*\.js$/.test(f));
let problemPage = first;
if (problemChunk) for (const f of closure(problemChunk[0])) if (!initial.has(f)) problemPage += gz(join(here, f));
let all = 0;
const walk = (d) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (!p.endsWith('.woff2')) all += gz(p); } };
walk(out);
if (!process.env.QUIET) {
  console.log(`built ${relative(process.cwd(), out) || '.'}: first load ${(first / 1024).toFixed(1)} KiB gzip; ` +
    `a problem page ${(problemPage / 1024).toFixed(1)} KiB in all (then its language mode, and KaTeX if it has math); ` +
    `all scripts and styles ${(all / 1024).toFixed(1)} KiB gzip (fonts apart)`);
}
