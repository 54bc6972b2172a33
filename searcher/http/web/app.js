// The nsearch search page: plain JavaScript, no build step. Every value from the index is
// put into the page as text (textContent, text nodes, attributes), never parsed as HTML.
'use strict';

const PAGE_SIZE = 10;
const FACETS = 'outlet,lang,year,month';
const SINGULAR = {articles: 'article', stories: 'story'};
const SHOWN_FACET_VALUES = 12;
const MAX_MONTH_BARS = 48;

const $ = (id) => document.getElementById(id);

// el('a', {href: u, class: 'x'}, 'text', child): children that are strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---- State: everything a search depends on lives in the URL ------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    outlets: p.getAll('outlet'),
    langs: p.getAll('lang'),
    since: p.get('since') || '',
    until: p.get('until') || '',
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    like: p.get('like') || '',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    doc: p.get('doc') || '',
    // Compare mode (analysis.js): the queries, the period, what is counted, shares or counts.
    compare: p.getAll('compare'),
    by: ['day', 'week', 'month', 'year'].includes(p.get('by')) ? p.get('by') : 'month',
    count: p.get('count') === 'stories' ? 'stories' : 'articles',
    norm: p.get('norm') === '1',
  };
}

function stateParams(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const o of s.outlets) p.append('outlet', o);
  for (const l of s.langs) p.append('lang', l);
  if (s.since) p.set('since', s.since);
  if (s.until) p.set('until', s.until);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.like) p.set('like', s.like);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.doc) p.set('doc', s.doc);
  for (const c of s.compare) p.append('compare', c);
  if (s.compare.length) {
    if (s.by !== 'month') p.set('by', s.by);
    if (s.count !== 'articles') p.set('count', s.count);
    if (s.norm) p.set('norm', '1');
  }
  return p;
}

// Whether this page has pushed a history entry: "back" then returns to the previous results.
let navigated = false;

function go(changes) {
  navigated = true;
  const next = Object.assign(readState(), {doc: '', page: 1}, changes);
  const query = stateParams(next).toString();
  history.pushState(null, '', query ? '/?' + query : '/');
  render();
}

// ---- Talking to the API ----------------------------------------------------------------

let inflight = null;

// The JSON answer to `url`, or an Error with the server's message. A request aborted while its
// body is arriving rejects with AbortError, as one aborted before its headers: it must not read
// as an answer without hits (a newer request aborts the one it replaces at any moment).
async function requestJSON(url, signal) {
  const response = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
  }
  if (!response.ok || body === null) {
    throw new Error((body && body.error) || response.statusText || 'HTTP ' + response.status);
  }
  return body;
}

async function getJSON(path, params) {
  if (inflight) inflight.abort();
  inflight = new AbortController();
  return requestJSON(params ? path + '?' + params.toString() : path, inflight.signal);
}

// ---- Rendering --------------------------------------------------------------------------

function showError(message) {
  $('summary').textContent = 'Error: ' + message;
  $('results').replaceChildren();
  $('pager').replaceChildren();
}

// The snippet with its matches in <mark>; highlight ranges are UTF-8 byte offsets.
function snippetNode(hit) {
  const p = el('p', {class: 'snippet'});
  if (!hit.snippet) return p;
  const bytes = new TextEncoder().encode(hit.snippet);
  const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  let pos = 0;
  for (const [begin, end] of hit.highlights || []) {
    if (begin < pos || end > bytes.length || end <= begin) continue;
    p.append(decode(pos, begin), el('mark', {}, decode(begin, end)));
    pos = end;
  }
  p.append(decode(pos, bytes.length));
  return p;
}

function formatDate(iso) {
  return iso ? iso.slice(0, 10) : '';
}

function metaLine(a) {
  const parts = [a.outlet, formatDate(a.date), a.author, a.lang, a.category].filter(Boolean);
  return el('p', {class: 'meta'}, parts.join(' · '));
}

// Syndicated copies, when the results carry them ("copies" and/or "also_in").
function copiesNode(hit) {
  const list = Array.isArray(hit.also_in) ? hit.also_in : Array.isArray(hit.copies) ? hit.copies : [];
  const count = typeof hit.copies === 'number' ? hit.copies : list.length;
  if (!count && !list.length) return null;
  const items = list.map((c) => {
    if (typeof c !== 'object' || c === null) return el('li', {}, String(c));
    const label = [c.outlet, formatDate(c.date), c.title].filter(Boolean).join(' · ') || c.id || '';
    return el('li', {}, c.id
      ? el('a', {href: '/?' + new URLSearchParams({doc: c.id}), 'data-doc': c.id, onclick: openDocLink}, label)
      : label);
  });
  const n = Math.max(count, list.length);
  return el('details', {class: 'copies'},
    el('summary', {}, `${n} other cop${n === 1 ? 'y' : 'ies'} of this story`),
    items.length ? el('ul', {'aria-label': 'Also in'}, items) : null);
}

function openDocLink(event) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  go({doc: event.currentTarget.getAttribute('data-doc'), page: readState().page});
}

// A page that did not read as an article is tagged; a title derived from the body (its first
// words, not a headline) is set apart by its class.
function kindTag(a) {
  return a.kind === 'page' ? el('span', {class: 'kind-tag'}, 'page') : null;
}

function titleClass(a) {
  return a.title_derived ? 'derived-title' : null;
}

function hitNode(hit) {
  const link = el('a', {href: '/?' + new URLSearchParams({doc: hit.id}), 'data-doc': hit.id,
    onclick: openDocLink, class: titleClass(hit)}, hit.title || hit.id);
  return el('li', {class: 'hit'},
    el('h3', {}, kindTag(hit), link),
    metaLine(hit),
    snippetNode(hit),
    copiesNode(hit));
}

function facetList(id, values, selected, key) {
  const list = $(id);
  list.replaceChildren();
  const sorted = values.slice();
  // Selected values stay visible even when they are not among the top counts.
  for (const v of selected) {
    if (!sorted.some((x) => x.value.toLowerCase() === v.toLowerCase())) sorted.push({value: v, count: 0});
  }
  sorted.forEach((v, i) => {
    const on = selected.some((s) => s.toLowerCase() === v.value.toLowerCase());
    const button = el('button', {type: 'button', class: 'facet-value', 'aria-pressed': on ? 'true' : 'false',
      onclick: () => {
        const state = readState();
        const current = state[key];
        go({[key]: on ? current.filter((s) => s.toLowerCase() !== v.value.toLowerCase()) : current.concat([v.value])});
      }}, el('span', {class: 'facet-label'}, v.value), el('span', {class: 'count'}, String(v.count)));
    list.append(el('li', {hidden: i >= SHOWN_FACET_VALUES && !on}, button));
  });
  if (sorted.length > SHOWN_FACET_VALUES) {
    list.append(el('li', {}, el('button', {type: 'button', class: 'more', onclick: (e) => {
      for (const li of list.querySelectorAll('li[hidden]')) li.hidden = false;
      e.currentTarget.parentElement.remove();
    }}, `Show all ${sorted.length}`)));
  }
  if (!sorted.length) list.append(el('li', {class: 'none'}, 'none'));
}

// Consecutive periods from first to last ("2021" or "2021-09"), so gaps show as empty bars.
function periods(first, last, monthly) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (out.length < 1000 && (y < ly || (y === ly && (!monthly || m <= lm)))) {
    out.push(monthly ? `${y}-${String(m).padStart(2, '0')}` : String(y));
    if (monthly && ++m > 12) { m = 1; ++y; } else if (!monthly) ++y;
  }
  return out;
}

function histogram(facets, unit) {
  const box = $('histogram');
  box.replaceChildren();
  const months = facets.month || [];
  const years = facets.year || [];
  if (!months.length) { box.append(el('p', {class: 'none'}, 'no dates')); return; }
  const span = periods(months[0].value, months[months.length - 1].value, true);
  const monthly = span.length <= MAX_MONTH_BARS;
  const counts = new Map((monthly ? months : years).map((v) => [v.value, v.count]));
  const bars = monthly ? span : periods(years[0].value, years[years.length - 1].value, false);
  const max = Math.max(...counts.values());
  const chart = el('div', {class: 'bars', role: 'group', 'aria-label': `Matches per ${monthly ? 'month' : 'year'}`});
  for (const period of bars) {
    const n = counts.get(period) || 0;
    const label = `${period}: ${counted(n, true, SINGULAR[unit], unit)}`;
    const fill = el('span', {class: 'fill'});
    // Set through the CSSOM: the page's content security policy forbids style attributes.
    fill.style.height = `${Math.max(n ? 4 : 0, Math.round(100 * n / max))}%`;
    chart.append(el('button', {type: 'button', class: 'bar', 'data-period': period, title: label,
      'aria-label': label, disabled: n === 0, onclick: () => go({since: period, until: period})}, fill));
  }
  box.append(chart, el('div', {class: 'axis'}, el('span', {}, bars[0]), el('span', {}, bars[bars.length - 1])));
}

function activeFilters(state) {
  const chips = [];
  const chip = (label, change) => chips.push(el('li', {}, el('button', {type: 'button', class: 'chip',
    'aria-label': `Remove filter ${label}`, onclick: () => go(change)}, label, el('span', {'aria-hidden': 'true'}, ' ×'))));
  for (const o of state.outlets) chip(o, {outlets: state.outlets.filter((x) => x !== o)});
  for (const l of state.langs) chip('language: ' + l, {langs: state.langs.filter((x) => x !== l)});
  if (state.since || state.until) {
    const range = state.since === state.until ? state.since : `${state.since || '…'} to ${state.until || '…'}`;
    chip('date: ' + range, {since: '', until: ''});
  }
  if (state.like) chip('similar to ' + state.like, {like: ''});
  $('active').replaceChildren(...chips);
  $('active-filters').hidden = chips.length === 0;
}

function pager(state, result) {
  const nav = $('pager');
  nav.replaceChildren();
  const pages = Math.ceil(result.total / PAGE_SIZE);
  if (pages <= 1) return;
  const link = (page, label, current) => el('a', {href: '/?' + stateParams(Object.assign({}, state, {page})),
    'aria-current': current ? 'page' : null, onclick: (e) => { e.preventDefault(); go({page}); window.scrollTo(0, 0); }}, label);
  const list = el('ul', {});
  if (state.page > 1) list.append(el('li', {}, link(state.page - 1, '← Previous')));
  const first = Math.max(1, state.page - 4);
  for (let p = first; p <= Math.min(pages, first + 8); ++p) list.append(el('li', {}, link(p, String(p), p === state.page)));
  if (state.page < pages) list.append(el('li', {}, link(state.page + 1, 'Next →')));
  nav.append(list);
}

async function correction(state, result) {
  const box = $('correction');
  box.hidden = true;
  box.replaceChildren();
  // A "suggestion" in the search result is used when the searcher gives one.
  let better = typeof result.suggestion === 'string' ? result.suggestion : '';
  if (!better && result.total === 0 && state.q) {
    try {
      better = (await fetch('/api/suggest?' + new URLSearchParams({q: state.q, limit: '0'})).then((r) => r.json())).correction || '';
    } catch (e) { better = ''; }
  }
  if (!better || better === state.q) return;
  box.append('Did you mean ', el('a', {href: '/?' + new URLSearchParams({q: better}),
    onclick: (e) => { e.preventDefault(); $('q').value = better; go({q: better}); }}, better), '?');
  box.hidden = false;
}

// "12,345 stories", "at least 10,000 articles": a count in its unit, lower bounds said so.
function counted(n, exact, one, many) {
  return `${exact ? '' : 'at least '}${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

// "363 stories (382 articles)" when copies are collapsed into stories, else "382 articles".
function totals(result) {
  const articles = counted(result.articles, result.articles_exact, 'article', 'articles');
  const note = (result.collapsed ? result.total_exact : result.articles_exact) ? '' : 'counted up to the limit';
  if (!result.collapsed) return note ? `${articles} (${note})` : articles;
  const stories = counted(result.total, result.total_exact, 'story', 'stories');
  return `${stories} (${articles}${note ? ', ' + note : ''})`;
}

// The facets' unit beside their headings, so that they read against the headline's counts.
function facetUnits(result) {
  const note = result.facets_exact ? '' : ' counted up to the limit';
  for (const unit of document.querySelectorAll('.facet-unit')) unit.textContent = `(${result.facet_unit}${note})`;
}

// The filters of `state` as API parameters (search, top words, trends).
function filterParams(state) {
  const params = new URLSearchParams();
  for (const o of state.outlets) params.append('outlet', o);
  for (const l of state.langs) params.append('lang', l);
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  return params;
}

async function search(state) {
  const params = filterParams(state);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  params.set('facets', FACETS);
  params.set('facet-limit', '0');
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.like) params.set('like', state.like);
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await getJSON('/api/search', params);
  } catch (e) {
    if (e.name !== 'AbortError') showError(e.message);
    return;
  } finally {
    results.removeAttribute('aria-busy');
  }
  const shownFrom = result.hits.length ? result.offset + 1 : 0;
  const what = state.q ? `for “${state.q}”` : state.like ? 'similar to the article' : '';
  $('summary').textContent = result.total
    ? `${totals(result)} ${what} — showing ${shownFrom}–${result.offset + result.hits.length}`
    : `No articles ${what}`;
  facetUnits(result);
  results.replaceChildren(...result.hits.map(hitNode));
  facetList('facet-outlet', result.facets.outlet || [], state.outlets, 'outlets');
  facetList('facet-lang', result.facets.lang || [], state.langs, 'langs');
  histogram(result.facets, result.facet_unit);
  activeFilters(state);
  pager(state, result);
  correction(state, result);
  topWords(state);
}

function closeArticle() {
  if (navigated) history.back();
  else go({doc: ''});
}

async function showArticle(state) {
  const box = $('article');
  let a;
  try {
    a = await getJSON('/api/doc/' + encodeURIComponent(state.doc));
  } catch (e) {
    if (e.name !== 'AbortError') { box.replaceChildren(el('p', {}, 'Error: ' + e.message)); box.hidden = false; }
    return;
  }
  let original = null;
  try {
    const u = new URL(a.url);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      original = el('a', {href: u.href, rel: 'noopener noreferrer', target: '_blank'}, 'Original article');
    }
  } catch (e) { original = null; }
  box.replaceChildren(
    el('p', {}, el('button', {type: 'button', class: 'back', onclick: closeArticle}, '← Back to results')),
    el('h2', {id: 'article-title', class: titleClass(a)}, kindTag(a), a.title || a.id),
    metaLine(a),
    el('div', {class: 'body'}, (a.body || '').split('\n').filter((s) => s.trim()).map((para) => el('p', {}, para))),
    el('p', {class: 'actions'}, original, ' ',
      el('button', {type: 'button', onclick: () => go({like: a.id, q: '', outlets: [], langs: [], since: '', until: ''})}, 'Similar articles')));
  box.hidden = false;
  box.focus();
}

// Nothing asked yet: what the archive holds, with its outlets and languages to browse.
async function landing(state) {
  let stats;
  try {
    stats = await getJSON('/api/stats');
  } catch (e) {
    if (e.name !== 'AbortError') showError(e.message);
    return;
  }
  const dates = stats.date_min ? `, ${stats.date_min} to ${stats.date_max}` : '';
  $('summary').textContent = `${stats.documents} articles from ${stats.outlets.length} outlets${dates}. ` +
    'Type a query, or pick an outlet or a language. The newest articles:';
  $('results').replaceChildren();
  $('pager').replaceChildren();
  $('correction').hidden = true;
  facetList('facet-outlet', stats.outlets, [], 'outlets');
  facetList('facet-lang', stats.languages, [], 'langs');
  $('histogram').replaceChildren(el('p', {class: 'none'}, 'no dates'));
  activeFilters(state);
  if (!stats.date_min) return;
  // The newest articles, and every dated article over time (a date filter alone matches all).
  let newest;
  try {
    newest = await getJSON('/api/search', new URLSearchParams({since: stats.date_min, sort: 'date',
      limit: String(PAGE_SIZE), facets: 'year,month', 'facet-limit': '0'}));
  } catch (e) {
    return;
  }
  $('results').replaceChildren(...newest.hits.map(hitNode));
  histogram(newest.facets);
}

function isBlank(state) {
  return !state.q && !state.like && !state.outlets.length && !state.langs.length && !state.since && !state.until;
}

async function render() {
  const state = readState();
  $('q').value = state.q;
  $('sort').value = state.sort;
  const reading = Boolean(state.doc);
  const comparing = !reading && state.compare.length > 0;
  $('article').hidden = true;
  $('compare').hidden = !comparing;
  // The filters' facets describe results; compare mode has none, and takes the whole width.
  $('layout').classList.toggle('comparing', comparing);
  $('top-words-section').hidden = true;
  for (const id of ['summary', 'results', 'pager', 'correction']) $(id).classList.toggle('away', reading || comparing);
  if (reading) await showArticle(state);
  else if (comparing) await compareView(state);
  else if (isBlank(state)) await landing(state);
  else await search(state);
}

// ---- Suggestions while typing ----------------------------------------------------------

let suggestTimer = 0;
function suggest() {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(async () => {
    const text = $('q').value;
    const list = $('completions');
    if (!text.trim() || /\s$/.test(text)) { list.replaceChildren(); return; }
    try {
      const r = await fetch('/api/suggest?' + new URLSearchParams({q: text})).then((x) => x.json());
      const head = text.slice(0, text.lastIndexOf(' ') + 1);
      list.replaceChildren(...(r.completions || []).map((c) => el('option', {value: head + c.value})));
    } catch (e) { list.replaceChildren(); }
  }, 150);
}

// ---- Wiring -----------------------------------------------------------------------------

$('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const state = readState();
  go({q: $('q').value.trim(), sort: $('sort').value, like: '', outlets: state.outlets, langs: state.langs,
    since: state.since, until: state.until, compare: []});
});
$('sort').addEventListener('change', () => go({sort: $('sort').value}));
$('q').addEventListener('input', suggest);
$('home').addEventListener('click', (e) => { e.preventDefault(); go({q: '', outlets: [], langs: [], since: '', until: '', like: '', sort: 'relevance', compare: []}); });
$('compare-link').addEventListener('click', (e) => { e.preventDefault(); go({compare: [readState().q], q: '', like: '', since: '', until: ''}); });
document.addEventListener('keydown', (e) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (e.key === '/' && !typing) { e.preventDefault(); $('q').focus(); }
  if (e.key === 'Escape' && readState().doc) closeArticle();
});
window.addEventListener('popstate', render);
render();
