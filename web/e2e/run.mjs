// End-to-end tests of the practice site in a real browser (Debian's chromium
// driven by playwright-core) against a running `verdict serve`.
//
//   VERDICT_URL=http://127.0.0.1:8080 node web/e2e/run.mjs
//
// VERDICT_SCREENSHOTS=dir saves screenshots of the main pages there.
// CHROMIUM overrides the browser (default /usr/bin/chromium).
// Prints "N passed, N failed" last and exits non-zero when a test failed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const base = (process.env.VERDICT_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const shots = process.env.VERDICT_SCREENSHOTS || '';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const problemId = process.env.VERDICT_E2E_PROBLEM || 'two-sum';
const stdioId = process.env.VERDICT_E2E_STDIO_PROBLEM || 'sum';
const judgeTimeout = 120_000;

const accepted = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
`;
// Wrong: returns the pair in the order that makes the first sample pass only when lucky.
const wrong = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        # wrong: always the first two indices
        print("checking", len(nums))
        return [0, 1, 2]
`;
const compileError = `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        int answer = 0
        return {answer, answer};
    }
};
`;

if (shots) mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

const results = [];
const outside = [];
const eventStreams = [];

async function newPage(opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, ...opts });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  // The machine may be busy (CI runs every package's tests at once): wait longer than the defaults.
  ctx.setDefaultTimeout(60_000);
  ctx.setDefaultNavigationTimeout(60_000);
  const page = await ctx.newPage();
  // No request may leave the machine: every request goes to the server under test.
  page.on('request', (r) => {
    const u = r.url();
    if (u.includes('/events')) eventStreams.push(u);
    if (!u.startsWith(base + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  return page;
}

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${e.stack || e}`);
  }
}

async function shot(page, name, fullPage = false) {
  if (!shots) return;
  // Let fonts and transitions settle so the pictures are steady.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(shots, name + '.png'), fullPage });
}

/** setCode replaces the editor's text as a paste would (no auto-indent or bracket closing). */
async function setCode(page, code) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  const got = await editorText(page);
  assert.equal(got.trim(), code.trim(), 'the editor holds the code typed');
}

async function editorText(page) {
  return page.locator('.cm-content').evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
}

async function verdictOf(page, timeout = judgeTimeout) {
  // A verdict, or an error the page shows instead (which fails at once, saying why).
  await page.locator('#result .verdict-title, #result .error-box').first().waitFor({ timeout });
  const err = page.locator('#result .error-box');
  if (await err.count()) throw new Error('the page shows an error instead of a verdict: ' + (await err.first().textContent()));
  const v = page.locator('#result .verdict-title');
  return (await v.getAttribute('data-verdict')) || (await v.textContent());
}

async function openProblem(page) {
  await page.goto(base + '/problems/' + problemId);
  await page.locator('.cm-content').waitFor();
  await page.locator('.statement').waitFor();
}

const ctxPage = await newPage();
let page = ctxPage;

await test('problem list shows the problems with kind, difficulty and search', async () => {
  await page.goto(base + '/');
  await page.locator('table.problems tbody tr[data-id]').first().waitFor();
  const rows = await page.locator('table.problems tbody tr[data-id]').count();
  assert.ok(rows >= 1, 'at least one problem');
  const row = page.locator(`tr[data-id="${problemId}"]`);
  assert.equal(await row.count(), 1, `the list has ${problemId}`);
  assert.match(await row.locator('.c-kind').textContent(), /Function/);
  await shot(page, 'list');
  // "/" focuses the search; typing filters.
  await page.keyboard.press('/');
  await page.keyboard.type(problemId.slice(0, 5));
  const after = await page.locator('table.problems tbody tr[data-id]').count();
  assert.ok(after >= 1 && after <= rows, 'the search filters the list');
  assert.equal(await page.locator(`tr[data-id="${problemId}"]`).count(), 1);
  await page.locator('input[type=search]').fill('no such problem zzz');
  assert.equal(await page.locator('table.problems tbody tr[data-id]').count(), 0, 'a search that matches nothing shows no rows');
  await page.locator('input[type=search]').fill('');
});

await test('a function problem shows its statement with math, samples and starter code', async () => {
  await page.locator(`tr[data-id="${problemId}"] a.title-link`).click();
  await page.waitForURL('**/problems/' + problemId);
  await page.locator('.cm-content').waitFor();
  await page.locator('.statement h1, .statement h2, .statement p').first().waitFor();
  assert.ok(await page.locator('.samples .sample').count() >= 1, 'samples are shown');
  await page.selectOption('#language', 'python');
  assert.match(await editorText(page), /def twoSum/, 'the Python starter code is in the editor');
  // Math is typeset by KaTeX (loaded from this server).
  if (await page.locator('.statement .math').count()) {
    await page.locator('.statement .katex').first().waitFor({ timeout: 10_000 });
  }
});

await test('an accepted solution passes the samples (Ctrl+Enter) and is Accepted when submitted (Ctrl+Shift+Enter)', async () => {
  await setCode(page, accepted);
  await page.keyboard.press('ControlOrMeta+Enter');
  assert.equal(await verdictOf(page), 'AC', 'Run on the samples is accepted');
  const rows = await page.locator('#result table.tests tbody tr').count();
  assert.ok(rows >= 1, 'the run shows its tests');
  assert.ok(await page.locator('#result .test-detail').count() >= 1, 'the run shows each case');
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await page.locator('#result .progress, #result .verdict-title').first().waitFor();
  await page.locator('#result a[href^="/submissions/"]').first().waitFor();
  assert.equal(await verdictOf(page), 'AC', 'the submission is accepted');
  assert.ok(eventStreams.some((u) => /\/api\/v1\/submissions\/[^/]+\/events$/.test(u)), 'the page followed the submission\'s event stream');
  const tests = await page.locator('#result table.tests tbody tr').count();
  assert.ok(tests >= 2, 'the submission shows its tests, hidden ones included');
  await page.locator('#result .stats').waitFor({ timeout: 10_000 });
  await shot(page, 'problem-accepted');
});

await test('a wrong answer shows the failing sample: input, expected and actual output', async () => {
  await setCode(page, wrong);
  await page.locator('#submit').click();
  const v = await verdictOf(page);
  assert.equal(v, 'WA');
  const detail = page.locator('#result .test-detail');
  await detail.first().waitFor();
  assert.ok(await detail.locator('pre.expected').count() === 1, 'expected output shown');
  assert.ok(await detail.locator('pre.actual').count() === 1, 'actual output shown');
  if (await detail.locator('pre.actual.checker').count()) {
    // The server gave no output for the test: the checker's message stands in for it.
    console.log('note: the server returned no actual output for the failing sample; its checker message is shown instead');
    assert.match(await detail.locator('pre.actual').textContent(), /got|expected|differ/i, "the checker's message says what was wrong");
  } else {
    assert.ok(await detail.locator('pre.actual .line.bad').count() >= 1, 'the differing line is marked');
  }
  assert.match(await detail.locator('pre.expected').textContent(), /\S/, 'the expected output is not empty');
  assert.match(await page.locator('#result .stdout').textContent(), /checking/, "the program's own stdout is shown");
  await shot(page, 'result-wrong-answer');
});

await test('custom input on a function problem runs, or is turned off with the server\'s reason', async () => {
  await setCode(page, accepted);
  await page.locator('#custom-toggle').check();
  await page.locator('#custom-input').fill('[3,3]\n6\n');
  await page.locator('#run').click();
  await page.locator('#result .verdict-title, #result .error-box').first().waitFor({ timeout: judgeTimeout });
  if (await page.locator('#result .error-box').count()) {
    console.log('note: the server takes no custom input for function problems: ' + (await page.locator('#result .error-box').textContent()));
    assert.ok(await page.locator('#custom-toggle').isDisabled(), 'the option is turned off');
    assert.ok(await page.locator('#custom-input').isHidden());
  } else {
    assert.match(await page.locator('#result .test-detail pre.actual').first().textContent(), /\[0, ?1\]/);
    await page.locator('#custom-toggle').uncheck();
  }
});

await test('a compile error marks its line in the editor', async () => {
  await page.selectOption('#language', 'cpp');
  await setCode(page, compileError);
  await page.locator('#run').click();
  assert.equal(await verdictOf(page), 'CE');
  await page.locator('.cm-gutter-lint .cm-lint-marker-error').first().waitFor({ timeout: 10_000 });
  const markers = await page.locator('#result .markers li').allTextContents();
  assert.ok(markers.some((m) => /Line [45]\b/.test(m)), 'the marker is on the line of the missing semicolon: ' + JSON.stringify(markers));
  // The marker sits on that line: its gutter element lines up with line 4 or 5.
  const markerTop = await page.locator('.cm-gutter-lint .cm-gutterElement:has(.cm-lint-marker-error)').first().boundingBox();
  const line4 = await page.locator('.cm-content .cm-line').nth(3).boundingBox();
  const line5 = await page.locator('.cm-content .cm-line').nth(4).boundingBox();
  assert.ok([line4, line5].some((l) => Math.abs(l.y - markerTop.y) < 4), 'the gutter marker is beside line 4 or 5');
  await shot(page, 'compile-error');
});

await test('an input/output problem runs on custom input and shows the output', async () => {
  await page.goto(base + '/problems/' + stdioId);
  await page.locator('.cm-content').waitFor();
  await page.selectOption('#language', 'python');
  await setCode(page, 'a, b = map(int, input().split())\nprint(a + b)\n');
  await page.locator('#run').click();
  assert.equal(await verdictOf(page), 'AC', 'the samples pass');
  await page.locator('#custom-toggle').check();
  await page.locator('#custom-input').fill('40 2');
  await page.keyboard.press('ControlOrMeta+Enter');
  await page.locator('#result .test-detail pre.actual').waitFor({ timeout: judgeTimeout });
  assert.equal((await page.locator('#result .test-detail pre.actual').textContent()).trim(), '42');
  await page.locator('#custom-toggle').uncheck();
  // A crash is a run-time error, in its colour.
  await setCode(page, 'import sys\nsys.exit(3)\n');
  await page.locator('#run').click();
  assert.equal(await verdictOf(page), 'RE');
  assert.ok(await page.locator('#result .verdict-banner.v-re').count() === 1);
});

await test('the editor and the results resize with the keyboard, and keep their size', async () => {
  await openProblem(page);
  const before = (await page.locator('#editor').boundingBox()).height;
  await page.locator('.splitter-h').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  const after = (await page.locator('#editor').boundingBox()).height;
  assert.ok(after < before - 20, `the editor is smaller: ${before} -> ${after}`);
  await page.reload();
  await page.locator('.cm-content').waitFor();
  const kept = (await page.locator('#editor').boundingBox()).height;
  assert.ok(Math.abs(kept - after) < 2, `the size is kept: ${after} -> ${kept}`);
  await page.locator('.splitter-h').dblclick();
  assert.ok(Math.abs((await page.locator('#editor').boundingBox()).height - before) < 2, 'a double click restores it');
});

await test('drafts are kept per problem and language across reloads', async () => {
  await openProblem(page);
  // The language last used (Python, on the other problem) is picked again.
  assert.equal(await page.locator('#language').inputValue(), 'python');
  assert.match(await editorText(page), /seen\[x\] = i/, 'the Python draft is the last Python code');
  await page.selectOption('#language', 'cpp');
  assert.match(await editorText(page), /int answer = 0/, 'the C++ draft is the last C++ code');
  await page.reload();
  await page.locator('.cm-content').waitFor();
  assert.equal(await page.locator('#language').inputValue(), 'cpp');
  assert.match(await editorText(page), /int answer = 0/);
});

await test('the dark theme applies and is remembered', async () => {
  await page.locator('#theme-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await page.locator('.cm-content').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(246, 247, 249)', 'the dark background is used');
  await page.selectOption('#language', 'python');
  await setCode(page, accepted);
  await page.keyboard.press('ControlOrMeta+Enter');
  assert.equal(await verdictOf(page), 'AC');
  await shot(page, 'problem-dark');
  await page.locator('#theme-toggle').click();
});

// For the screenshots, a few more accepted submissions give the histograms a shape.
if (shots) {
  const variants = [
    accepted,
    accepted.replace('seen = {}', 'seen = dict()'),
    `class Solution:\n    def twoSum(self, nums, target):\n        order = sorted(range(len(nums)), key=lambda i: nums[i])\n        lo, hi = 0, len(nums) - 1\n        while lo < hi:\n            s = nums[order[lo]] + nums[order[hi]]\n            if s == target:\n                return sorted([order[lo], order[hi]])\n            if s < target:\n                lo += 1\n            else:\n                hi -= 1\n        return []\n`,
    `class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        unordered_map<int, int> seen;\n        for (int i = 0; i < (int)nums.size(); i++) {\n            auto it = seen.find(target - nums[i]);\n            if (it != seen.end()) return {it->second, i};\n            seen[nums[i]] = i;\n        }\n        return {};\n    }\n};\n`,
  ];
  for (const [i, source] of variants.entries()) {
    const language = source.startsWith('class Solution {') ? 'cpp' : 'python';
    const r = await fetch(base + '/api/v1/submissions?wait=true&timeout=60', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ problem: problemId, language, source }) });
    if (!r.ok) console.log(`note: extra submission ${i + 1}: ${r.status} ${await r.text()}`);
  }
}

await test('submission history lists the submissions; a submission shows its source', async () => {
  await page.goto(base + '/submissions');
  await page.locator('table.submissions tbody tr.row-link').first().waitFor();
  assert.ok(await page.locator('table.submissions tbody tr.row-link').count() >= 2);
  // The accepted one: its page shows the verdict, the tests, the histograms and the source.
  const ac = page.locator('table.submissions tbody tr.row-link', { has: page.locator('.verdict.v-ac') }).first();
  await ac.locator('a').first().click();
  await page.waitForURL('**/submissions/*');
  await page.locator('#source').waitFor();
  assert.match(await page.locator('#source').textContent(), /twoSum/);
  assert.equal(await page.locator('.verdict-title').getAttribute('data-verdict'), 'AC');
  await page.locator('.stats .histogram .bar.mine').first().waitFor({ timeout: 10_000 });
  await shot(page, 'submission', true);
});

await test('the list marks the problem solved; "?" lists the keyboard shortcuts', async () => {
  await page.goto(base + '/');
  await page.locator('table.problems').waitFor();
  await page.locator(`tr[data-id="${problemId}"] .status.solved`).waitFor({ timeout: 5_000 });
  await page.keyboard.press('?');
  await page.locator('dialog#shortcuts[open]').waitFor();
  assert.match(await page.locator('dialog#shortcuts').textContent(), /Submit/);
  await page.keyboard.press('Escape');
  await page.locator('dialog#shortcuts[open]').waitFor({ state: 'detached' }).catch(() => {});
  assert.equal(await page.locator('dialog#shortcuts[open]').count(), 0, 'Escape closes it');
});

await test('the admin page loads; with the admin key it imports a package and shows the submissions', async () => {
  await page.goto(base + '/admin');
  await page.locator('#admin-key').waitFor();
  await page.locator('.admin-status .cards, .admin-status p').first().waitFor();
  const key = process.env.VERDICT_ADMIN_KEY;
  const pkg = process.env.VERDICT_E2E_PACKAGE;
  if (!key || !pkg) {
    console.log('note: VERDICT_ADMIN_KEY or VERDICT_E2E_PACKAGE not set: the import is not tried');
    return;
  }
  await page.fill('#admin-key', key);
  await page.locator('#admin-key').press('Enter');
  await page.locator('#recent tbody tr').first().waitFor();
  const id = 'e2e-' + Date.now().toString(36);
  await page.setInputFiles('#package-file', pkg);
  await page.fill('input[aria-label="Problem id"]', id);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator(`.ok-box a[href="/problems/${id}"]`).waitFor({ timeout: 60_000 });
  await page.goto(base + '/');
  await page.locator(`tr[data-id="${id}"]`).waitFor();
});

await test('on a phone the pages fit the screen', async () => {
  const phone = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  for (const path of ['/', '/problems/' + problemId, '/submissions']) {
    await phone.goto(base + path);
    await phone.locator('main > *').first().waitFor();
    await phone.waitForLoadState('networkidle');
    const [sw, iw] = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(sw <= iw + 1, `${path}: page is ${sw}px wide on a ${iw}px screen`);
  }
  await phone.goto(base + '/problems/' + problemId);
  await phone.locator('.cm-content').waitFor();
  await shot(phone, 'phone-problem');
  // "Go to the editor" brings the editor up and focuses it.
  await phone.locator('.to-editor').click();
  await phone.waitForTimeout(300);
  assert.ok(await phone.evaluate(() => document.activeElement?.closest('.cm-editor') !== null), 'the editor has the focus');
  const box = await phone.locator('#editor').boundingBox();
  assert.ok(box.y < 844 && box.y + box.height > 0, 'the editor is on the screen');
  await shot(phone, 'phone-editor');
  assert.deepEqual(phone.errors, [], 'no script errors');
  await phone.context().close();
});

await test('no request left the machine and no script error happened', async () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(page.errors, []);
});

await browser.close();
const passed = results.filter((r) => r[1]).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
