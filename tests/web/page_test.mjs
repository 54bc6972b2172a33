// Drives the search page of a running `nsearch serve` in headless Chromium, as a person would:
// type a query, read the results, click an outlet facet and a histogram bar, page, open an
// article, see pages and derived titles marked, and check that an article whose fields are
// markup shows that markup as text.
// With LIMITED_BASE_URL, a server started with --count-limit 3: its page shows lower bounds.
// Usage: node page_test.mjs BASE_URL SCREENSHOT_DIR [LIMITED_BASE_URL]
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {chromium} from 'playwright-core';

const [base, shots, limitedBase] = process.argv.slice(2);
mkdirSync(shots, {recursive: true});
const SEED_TITLE = 'Mali Makes Deal With Russian Mercenaries, Snubs France';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({viewport: {width: 1280, height: 900}});
const problems = [];
page.on('dialog', async (d) => { problems.push('dialog: ' + d.message()); await d.dismiss(); });
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });

let passed = 0;
let failed = 0;
async function step(name, body) {
  try {
    await body();
    ++passed;
    console.log('ok   ' + name);
  } catch (e) {
    ++failed;
    console.log('FAIL ' + name + '\n     ' + String(e.stack || e).split('\n').slice(0, 8).join('\n     '));
    await page.screenshot({path: `${shots}/failed-${passed + failed}.png`, fullPage: true}).catch(() => {});
  }
}

const hitTitles = () => page.locator('#results .hit h3').allTextContents();
const summary = () => page.locator('#summary').textContent();
async function searchFor(text) {
  await page.fill('#q', text);
  await page.press('#q', 'Enter');
  await page.waitForFunction((t) => document.querySelector('#summary').textContent.includes(`“${t}”`), text);
}

await step('the page opens with what the archive holds', async () => {
  await page.goto(base + '/');
  await page.waitForFunction(() => /\d+ articles from \d+ outlets/.test(document.querySelector('#summary').textContent));
  await page.screenshot({path: `${shots}/landing.png`, fullPage: true});
  assert.match(await summary(), /^45 articles from \d+ outlets, 2019-/);
  assert.equal(await page.getAttribute('#q', 'type'), 'search');
  assert.equal(await page.locator('label[for=q]').count(), 1);
});

await step('type a query, see the seed article first, matches highlighted', async () => {
  await page.click('#q');
  await page.keyboard.type('Russian contractor');
  await page.keyboard.press('Enter');
  // Results of the whole query, not of a prefix the page searched while it was being typed.
  await page.waitForFunction((t) => document.querySelector('#summary').textContent.includes(`“${t}”`), 'Russian contractor');
  const titles = await hitTitles();
  assert.equal(titles[0], SEED_TITLE);
  assert.ok((await page.locator('#results .hit').first().locator('mark').count()) > 0);
  assert.match(page.url(), /\?q=Russian\+contractor$/);
  await page.screenshot({path: `${shots}/search.png`, fullPage: true});
});

await step('click the outlet facet, see the filtered list', async () => {
  await searchFor('oil');
  const before = (await hitTitles()).length;
  const facet = page.locator('#facet-outlet button', {hasText: 'Northern Ledger'});
  const count = Number(await facet.locator('.count').textContent());
  assert.ok(count > 0 && count < before, `facet count ${count}, hits ${before}`);
  await facet.click();
  await page.waitForFunction(() => document.querySelector('#active-filters') && !document.querySelector('#active-filters').hidden);
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit').length === n, count);
  const metas = await page.locator('#results .hit .meta').allTextContents();
  assert.equal(metas.length, count);
  for (const m of metas) assert.ok(m.startsWith('Northern Ledger'), m);
  assert.equal(await page.locator('#facet-outlet button[aria-pressed=true]').count(), 1);
  // The headline names stories and the articles beside them; the facet counts articles, and
  // says so: the two agree.
  assert.match(await summary(), new RegExp(`^\\d+ stor(y|ies) \\(${count} articles?\\)`));
  assert.equal(await page.locator('#outlet-title .facet-unit').textContent(), '(articles)');
  assert.match(page.url(), /outlet=Northern\+Ledger/);
  // The chip removes the filter again.
  await page.click('#active button');
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit').length === n, before);
});

await step('click a histogram bar, the range narrows to it', async () => {
  await searchFor('oil');
  const bar = page.locator('#histogram .bar:not([disabled])').first();
  const period = await bar.getAttribute('data-period');
  const label = await bar.getAttribute('aria-label');
  const n = Number(label.match(/: (\d+) article/)[1]);
  await bar.click();
  await page.waitForFunction((p) => location.search.includes('since=' + p), period);
  await page.waitForFunction((k) => document.querySelectorAll('#results .hit').length === Math.min(k, 10), n);
  const metas = await page.locator('#results .hit .meta').allTextContents();
  for (const m of metas) assert.ok(m.split(' · ').some((f) => f.startsWith(period)), `${m} not in ${period}`);
  assert.ok((await page.locator('#active').textContent()).includes('date: ' + period));
  await page.screenshot({path: `${shots}/histogram.png`, fullPage: true});
});

await step('pages: the second page shows the next hits', async () => {
  await page.goto(base + '/');  // no filters left from the steps before
  await searchFor('lang:en OR lang:fr OR lang:de');
  assert.match(await summary(), /^45 stories \(45 articles\) .* showing 1–10/);
  const first = await hitTitles();
  await page.click('#pager a:text-is("2")');
  await page.waitForFunction(() => document.querySelector('#summary').textContent.includes('showing 11–20'));
  const second = await hitTitles();
  assert.equal(second.length, 10);
  assert.ok(second.every((t) => !first.includes(t)));
  assert.equal(await page.locator('#pager a[aria-current=page]').textContent(), '2');
});

await step('an article opens in full, Escape goes back', async () => {
  await page.goto(base + '/?q=Russian+contractor');
  await page.waitForSelector('#results .hit');
  await page.click('#results .hit h3 a');
  await page.waitForSelector('#article:not([hidden]) #article-title');
  assert.equal(await page.locator('#article-title').textContent(), SEED_TITLE);
  assert.ok((await page.locator('#article .body p').count()) > 2);
  await page.screenshot({path: `${shots}/article.png`, fullPage: true});
  await page.keyboard.press('Escape');
  await page.waitForSelector('#article', {state: 'hidden'});
  assert.equal((await hitTitles())[0], SEED_TITLE);
});

await step('"Similar articles" lists others like the one read', async () => {
  await page.goto(base + '/?doc=hg-2019-opec-output-cut');
  await page.waitForSelector('#article:not([hidden]) #article-title');
  await page.click('#article button:text-is("Similar articles")');
  await page.waitForSelector('#results .hit');
  assert.match(page.url(), /like=hg-2019-opec-output-cut/);
  assert.match(await summary(), /similar to the article/);
  const titles = await hitTitles();
  assert.ok(!titles.includes('OPEC Members Agree Deeper Output Cut as Crude Oil Slides'));
  assert.ok(titles.some((t) => /oil|opec|crude/i.test(t)), titles.join(' | '));
});

await step('small screens: one column, nothing wider than the window', async () => {
  await page.setViewportSize({width: 380, height: 800});
  await page.goto(base + '/?q=oil');
  await page.waitForSelector('#results .hit');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await page.screenshot({path: `${shots}/narrow.png`, fullPage: false});
  await page.setViewportSize({width: 1280, height: 900});
});

await step('markup in an article is shown as text, never run', async () => {
  await searchFor('zeppelins');
  await page.waitForSelector('#results .hit');
  const hit = page.locator('#results .hit').first();
  assert.equal(await hit.locator('h3').textContent(), '<script>alert(1)</script>');
  assert.ok((await hit.locator('.meta').textContent()).includes('<b>Evil</b> Outlet'));
  assert.equal(await page.locator('#results script, #results b, #results img, #results svg, #facet-outlet b').count(), 0);
  assert.equal(await page.locator('#facet-outlet button', {hasText: '<b>Evil</b> Outlet'}).count(), 1);
  await page.screenshot({path: `${shots}/xss.png`, fullPage: true});
  await hit.locator('h3 a').click();
  await page.waitForSelector('#article:not([hidden]) #article-title');
  assert.equal(await page.locator('#article-title').textContent(), '<script>alert(1)</script>');
  assert.ok((await page.locator('#article .body').textContent()).includes('<img src=x onerror=alert(2)>'));
  // A javascript: URL is not offered as a link.
  assert.equal(await page.locator('#article a[href^="javascript"]').count(), 0);
  assert.equal(await page.locator('#article script, #article img, #article em').count(), 0);
});

await step('a misspelt query offers the correction; keyboard: "/" focuses the box', async () => {
  await page.goto(base + '/?q=mercenries');
  await page.waitForSelector('#correction:not([hidden]) a');
  assert.equal(await page.locator('#correction a').textContent(), 'mercenaries');
  await page.click('#correction a');
  await page.waitForSelector('#results .hit');
  await page.locator('#results').focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
});

await step('syndicated copies ("copies", "also_in") show under their hit, as text', async () => {
  // No searcher gives these fields yet: add them to a real answer on its way to the page.
  await page.route('**/api/search?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.hits.length) {
      body.hits[0].copies = 2;
      body.hits[0].also_in = [
        {id: 'hg-2019-opec-output-cut', outlet: '<i>Copy</i> Times', date: '2021-09-25', title: 'Same story'},
        'Plain Outlet'];
    }
    await route.fulfill({response, json: body});
  });
  await page.goto(base + '/?q=Russian+contractor');
  await page.waitForSelector('#results .hit details.copies');
  const copies = page.locator('#results .hit').first().locator('details.copies');
  assert.equal(await copies.locator('summary').textContent(), '2 other copies of this story');
  await copies.locator('summary').click();
  const items = await copies.locator('li').allTextContents();
  assert.deepEqual(items, ['<i>Copy</i> Times · 2021-09-25 · Same story', 'Plain Outlet']);
  assert.equal(await copies.locator('i').count(), 0);
  await copies.locator('a').click();
  await page.waitForSelector('#article:not([hidden]) #article-title');
  assert.equal(await page.locator('#article-title').textContent(),
    'OPEC Members Agree Deeper Output Cut as Crude Oil Slides');
  await page.unroute('**/api/search?*');
});

await step('a page is tagged, a title derived from the body is set apart', async () => {
  // The sample corpus holds titled articles only: mark the first hit as the index would.
  await page.route('**/api/search?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.hits.length) Object.assign(body.hits[0], {kind: 'page', title_derived: true});
    await route.fulfill({response, json: body});
  });
  await page.goto(base + '/?q=Russian+contractor');
  await page.waitForSelector('#results .hit .kind-tag');
  const first = page.locator('#results .hit').first();
  assert.equal(await first.locator('.kind-tag').textContent(), 'page');
  assert.equal(await first.locator('h3 a.derived-title').textContent(), SEED_TITLE);
  assert.equal(await page.locator('#results .kind-tag, #results .derived-title').count(), 2);
  await page.screenshot({path: `${shots}/kind.png`, fullPage: true});
  await page.unroute('**/api/search?*');
});

await step('beyond the count limit the headline says "at least"', async () => {
  assert.ok(limitedBase, 'no LIMITED_BASE_URL given');
  await page.goto(limitedBase + '/?q=' + encodeURIComponent('lang:en OR lang:fr OR lang:de'));
  await page.waitForFunction(() => document.querySelector('#summary').textContent.includes('showing'));
  assert.match(await summary(),
    /^at least \d+ stor(y|ies) \(at least \d+ articles, counted up to the limit\) for “lang:en OR lang:fr OR lang:de” — showing 1–10/);
  await page.screenshot({path: `${shots}/lower-bound.png`, fullPage: true});
});

await step('top words: the panel lists what the matches are about; a click adds a word', async () => {
  await page.goto(base + '/');
  await searchFor('oil');
  await page.waitForFunction(() => document.querySelectorAll('#top-words .word').length > 0);
  assert.equal(await page.locator('#top-words-section').isVisible(), true);
  const words = await page.locator('#top-words .word').evaluateAll((bs) => bs.map((b) => b.dataset.term));
  assert.ok(!words.includes('oil') && !words.includes('the'), words.join(' '));
  await page.screenshot({path: `${shots}/top-words.png`, fullPage: true});
  // Keyboard: the words are buttons; Enter on one adds it to the query and searches.
  const word = words[0];
  await page.locator('#top-words .word').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('#summary').textContent.includes(`“oil ${t}”`), word);
  assert.equal(await page.inputValue('#q'), `oil ${word}`);
});

await step('compare mode: trend lines of several queries, normalised or raw; a point searches', async () => {
  await page.goto(base + '/');
  await page.click('#compare-link');
  await page.waitForSelector('#compare-form');
  assert.equal(await page.locator('#results').isVisible(), false);
  await page.fill('#cq0', 'oil');
  await page.fill('#cq1', 'Mali');
  await page.fill('#cq2', 'election OR vote');
  await page.check('#compare-norm');
  await page.click('#compare-form button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('.trend-chart .line').length === 3);
  assert.match(page.url(), /compare=oil&compare=Mali&compare=election\+OR\+vote&norm=1/);
  const legend = await page.locator('.legend li').allTextContents();
  assert.equal(legend.length, 3);
  assert.ok(legend[0].startsWith('oil'), legend[0]);
  // Shares: every point says its percentage of all articles of its month.
  const labels = await page.locator('.trend-chart .point.s0').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label')));
  assert.ok(labels.length > 12 && labels.every((l) => /% of \d+\)$/.test(l)), labels[0]);
  await page.screenshot({path: `${shots}/compare-normalised.png`, fullPage: true});
  // Raw counts by year, stories: redrawn.
  await page.uncheck('#compare-norm');
  await page.selectOption('#compare-by', 'year');
  await page.selectOption('#compare-count', 'stories');
  await page.click('#compare-form button[type=submit]');
  await page.waitForFunction(() => location.search.includes('by=year') &&
    document.querySelectorAll('.trend-chart .point.s0').length > 0 &&
    /: \d+ stor(y|ies)$/.test(document.querySelector('.trend-chart .point.s0').getAttribute('aria-label')) &&
    !document.querySelector('.trend-chart .point.s0').getAttribute('aria-label').includes('%'));
  await page.screenshot({path: `${shots}/compare-raw.png`, fullPage: true});
  // Keyboard: one tab stop, arrows move among points, Enter searches that query in that year.
  await page.focus('.trend-chart');
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => ({q: document.activeElement.dataset.query,
    since: document.activeElement.dataset.since, readout: document.querySelector('#chart-readout').textContent}));
  assert.equal(focused.q, 'oil');
  assert.ok(focused.readout.startsWith('oil, ' + focused.since), focused.readout);
  await page.keyboard.press('Enter');
  // The hits of the search before stay in place while the new one runs (aria-busy).
  await page.waitForFunction((y) => location.search.includes('since=' + y) &&
    !document.querySelector('#results').hasAttribute('aria-busy') && document.querySelectorAll('#results .hit').length > 0, focused.since);
  assert.equal(await page.inputValue('#q'), 'oil');
  const metas = await page.locator('#results .hit .meta').allTextContents();
  for (const m of metas) assert.ok(m.includes(focused.since + '-'), `${m} not in ${focused.since}`);
  // A click on a point does the same, in a month.
  await page.goto(base + '/?compare=Mali&compare=oil');
  await page.waitForSelector('.trend-chart .point.s1');
  const point = page.locator('.trend-chart .point.s1[aria-label*=": 1 "], .trend-chart .point.s1[aria-label*=": 2 "]').first();
  const month = await point.getAttribute('data-since');
  await point.click();
  await page.waitForFunction((p) => location.search.includes('since=' + p) &&
    !document.querySelector('#results').hasAttribute('aria-busy') && document.querySelectorAll('#results .hit').length > 0, month);
  for (const m of await page.locator('#results .hit .meta').allTextContents()) assert.ok(m.includes(month), `${m} not in ${month}`);
});

await step('no dialog, script error or policy violation happened', async () => {
  assert.equal(problems.length, 0, problems.join('\n'));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
