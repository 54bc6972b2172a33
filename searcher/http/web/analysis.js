// News analysis on the search page: compare mode (the trend lines of up to five queries on one
// SVG chart, /api/trend) and the top-words panel beside the results (/api/terms). Loaded before
// app.js, whose helpers (el, $, go, readState, filterParams, requestJSON) it uses when called.
// Values from the index are text nodes and attributes only.
'use strict';

const MAX_COMPARE = 5;
const TOP_WORDS = 15;
const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART = {width: 760, height: 320, left: 56, right: 16, top: 16, bottom: 40};

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Requests of their own: a search in flight is not aborted by them, nor they by each other's kind.
const controllers = {};
async function fetchJSON(kind, path, params) {
  if (controllers[kind]) controllers[kind].abort();
  controllers[kind] = new AbortController();
  return requestJSON(path + '?' + params.toString(), controllers[kind].signal);
}

// Fetches into `box`, marked busy meanwhile; on failure shows `failure(message)` there instead and
// returns null (also when a newer request of the same kind aborted this one).
async function loadInto(box, kind, path, params, failure) {
  box.setAttribute('aria-busy', 'true');
  try {
    return await fetchJSON(kind, path, params);
  } catch (e) {
    if (e.name !== 'AbortError') box.replaceChildren(failure(e.message));
    return null;
  } finally {
    box.removeAttribute('aria-busy');
  }
}

// ---- Top words ------------------------------------------------------------------------------

// The words that set the matches apart; a click (or Enter) adds the word to the query.
async function topWords(state) {
  const list = $('top-words');
  const section = $('top-words-section');
  section.hidden = !state.q;
  list.replaceChildren();
  if (!state.q) return;
  const params = filterParams(state);
  params.set('q', state.q);
  params.set('limit', String(TOP_WORDS));
  const result = await loadInto(list, 'terms', '/api/terms', params,
    (message) => el('li', {class: 'none'}, 'unavailable: ' + message));
  if (!result) return;
  if (!result.terms.length) { list.append(el('li', {class: 'none'}, 'none')); return; }
  const top = result.terms[0].score;
  for (const t of result.terms) {
    const label = `Add “${t.term}” to the query: in ${t.in_matches} of ${result.matches} matches, ${t.in_database} of all`;
    const strength = el('span', {class: 'strength', 'aria-hidden': 'true'}, el('span', {class: 'strength-fill'}));
    strength.firstChild.style.width = `${Math.max(8, Math.round(100 * t.score / top))}%`;
    list.append(el('li', {}, el('button', {type: 'button', class: 'word', 'data-term': t.term, 'aria-label': label, title: label,
      onclick: () => { const q = readState().q; go({q: `${q} ${t.term}`.trim()}); }},
    el('span', {class: 'word-text'}, t.term), strength, el('span', {class: 'count'}, String(t.in_matches)))));
  }
}

// ---- Compare mode ---------------------------------------------------------------------------

// The inclusive --since/--until of a period label: a week is named by its Monday.
function periodRange(label, by) {
  if (by !== 'week') return [label, label];
  const monday = new Date(label + 'T00:00:00Z');
  const sunday = new Date(monday.getTime() + 6 * 86400000);
  return [label, sunday.toISOString().slice(0, 10)];
}

function compareForm(state) {
  const inputs = [];
  for (let i = 0; i < MAX_COMPARE; ++i) {
    inputs.push(el('li', {}, el('span', {class: `swatch s${i}`, 'aria-hidden': 'true'}),
      el('label', {for: `cq${i}`, class: 'visually-hidden'}, `Query ${i + 1}`),
      el('input', {id: `cq${i}`, type: 'search', class: 'compare-q', value: state.compare[i] || '',
        placeholder: `Query ${i + 1}`, autocomplete: 'off', spellcheck: 'false'})));
  }
  const select = (id, label, value, options) => [el('label', {for: id}, label),
    el('select', {id}, options.map(([v, text]) => el('option', {value: v, selected: v === value}, text)))];
  const form = el('form', {id: 'compare-form', 'aria-label': 'Queries to compare'},
    el('ol', {class: 'compare-queries'}, inputs),
    el('p', {class: 'compare-options'},
      ...select('compare-by', 'Per', state.by, [['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year']]),
      ...select('compare-count', 'Count', state.count, [['articles', 'articles'], ['stories', 'stories (each once)']]),
      el('label', {}, el('input', {type: 'checkbox', id: 'compare-norm', checked: state.norm}), ' share of all published'),
      el('button', {type: 'submit'}, 'Compare')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const queries = [...form.querySelectorAll('.compare-q')].map((i) => i.value.trim()).filter(Boolean);
    go({compare: queries.length ? queries : [''], by: $('compare-by').value, count: $('compare-count').value,
      norm: $('compare-norm').checked, q: ''});
  });
  return form;
}

// A count, or a share as a percentage with `digits` decimals (by default as many as it needs).
function formatValue(value, norm, digits) {
  if (!norm) return value.toLocaleString('en');
  if (digits === undefined) digits = value === 0 || value >= 0.1 ? 1 : value >= 0.01 ? 2 : 3;
  return `${(100 * value).toFixed(digits)}%`;
}

// Y ticks: 0, half and the top, rounded to something readable.
function niceTop(max) {
  if (max <= 0) return 1;
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

function chart(trend, state) {
  const norm = Boolean(trend.series[0] && trend.series[0].shares);
  const values = trend.series.map((s) => norm ? s.shares : s.counts);
  const top = niceTop(Math.max(0, ...values.flat()));
  const n = trend.periods.length;
  const {width, height, left, right, top: pad, bottom} = CHART;
  const x = (i) => left + (n <= 1 ? (width - left - right) / 2 : i * (width - left - right) / (n - 1));
  const y = (v) => pad + (height - pad - bottom) * (1 - v / top);
  const unit = trend.count;
  const readout = el('p', {id: 'chart-readout', class: 'readout', role: 'status', 'aria-live': 'polite'},
    'Use the arrow keys to move between points; Enter searches that query in that period.');
  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'trend-chart', role: 'group', tabindex: '0',
    'aria-label': `${norm ? 'Share of all ' + unit : 'Matching ' + unit} per ${trend.by}, ${trend.periods[0]} to ${trend.periods[n - 1]}`});
  // Ticks at 0, the middle (when it is a whole count) and the top, all with the same decimals.
  const tickDigits = top >= 0.2 ? 0 : top >= 0.02 ? 1 : 2;
  for (const v of [0, top / 2, top].filter((t) => norm || Number.isInteger(t))) {
    root.append(svg('line', {class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v)}),
      svg('text', {class: 'tick', x: left - 6, y: y(v) + 4, 'text-anchor': 'end'}, formatValue(v, norm, tickDigits)));
  }
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  for (let i = 0; i < n; i += labelEvery) {
    root.append(svg('text', {class: 'tick', x: x(i), y: height - bottom + 18, 'text-anchor': 'middle'}, trend.periods[i]));
  }
  const points = [];
  trend.series.forEach((s, k) => {
    const coords = values[k].map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    root.append(svg('polyline', {class: `line s${k}`, points: coords}));
    const row = [];
    values[k].forEach((v, i) => {
      const [since, until] = periodRange(trend.periods[i], trend.by);
      const label = `${s.query}, ${trend.periods[i]}: ${counted(s.counts[i], true, SINGULAR[unit], unit)}` +
        (norm ? ` (${formatValue(v, true)} of ${trend.totals[i].toLocaleString('en')})` : '');
      // Periods without matches stay reachable from the keyboard, but small: the line says it.
      const point = svg('circle', {class: `point s${k}${v > 0 ? '' : ' zero'}`, cx: x(i), cy: y(v),
        r: v > 0 && n <= 120 ? 4 : 2, tabindex: '-1',
        role: 'button', 'aria-label': label, 'data-query': s.query, 'data-since': since, 'data-until': until},
      svg('title', {}, label));
      point.addEventListener('click', () => go({q: s.query, since, until, compare: []}));
      point.addEventListener('focus', () => { readout.textContent = label; });
      row.push(point);
      root.append(point);
    });
    points.push(row);
  });
  // One tab stop: the arrow keys move among the points, Enter or Space searches.
  let at = [0, Math.max(0, values[0].findIndex((v) => v > 0))];
  root.addEventListener('keydown', (e) => {
    const moves = {ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0], Home: [0, -n], End: [0, n]};
    if (e.key === 'Enter' || e.key === ' ') {
      if (document.activeElement && document.activeElement.classList.contains('point')) {
        e.preventDefault();
        document.activeElement.dispatchEvent(new MouseEvent('click'));
      }
      return;
    }
    if (!moves[e.key]) return;
    e.preventDefault();
    if (document.activeElement === root) { points[at[0]][at[1]].focus(); return; }
    const [dk, di] = moves[e.key];
    at = [Math.min(points.length - 1, Math.max(0, at[0] + dk)), Math.min(n - 1, Math.max(0, at[1] + di))];
    points[at[0]][at[1]].focus();
  });
  const legend = el('ul', {class: 'legend', 'aria-label': 'Queries'}, trend.series.map((s, k) => {
    const total = s.counts.reduce((a, b) => a + b, 0);
    return el('li', {}, el('span', {class: `swatch s${k}`, 'aria-hidden': 'true'}), s.query,
      el('span', {class: 'count'}, ' ' + counted(total, true, SINGULAR[unit], unit)));
  }));
  return [legend, root, readout];
}

function trendTable(trend) {
  const norm = Boolean(trend.series[0] && trend.series[0].shares);
  const head = el('tr', {}, el('th', {scope: 'col'}, trend.by), el('th', {scope: 'col'}, 'all ' + trend.count),
    trend.series.map((s) => el('th', {scope: 'col'}, s.query)));
  const rows = trend.periods.map((p, i) => el('tr', {}, el('th', {scope: 'row'}, p), el('td', {}, String(trend.totals[i])),
    trend.series.map((s) => el('td', {}, String(s.counts[i]) + (norm ? ` (${formatValue(s.shares[i], true)})` : '')))));
  return el('details', {class: 'trend-table'}, el('summary', {}, 'Table'), el('table', {}, el('thead', {}, head), el('tbody', {}, rows)));
}

async function compareView(state) {
  $('top-words-section').hidden = true;
  const box = $('compare');
  const queries = state.compare.filter(Boolean).slice(0, MAX_COMPARE);
  const output = el('div', {id: 'compare-output'});
  box.replaceChildren(el('h2', {}, 'Compare coverage over time'), compareForm(state), output);
  box.hidden = false;
  if (!queries.length) { $('cq0').focus(); return; }
  const params = filterParams(state);
  for (const q of queries) params.append('q', q);
  params.set('by', state.by);
  params.set('count', state.count);
  if (state.norm) params.set('normalise', '1');
  const trend = await loadInto(output, 'trend', '/api/trend', params,
    (message) => el('p', {class: 'error'}, 'Error: ' + message));
  if (!trend) return;
  if (!trend.periods.length) { output.replaceChildren(el('p', {class: 'none'}, 'No dated articles.')); return; }
  const json = '/api/trend?' + params.toString();
  output.replaceChildren(...chart(trend, state), trendTable(trend),
    el('p', {class: 'export'}, el('a', {href: json}, 'This series as JSON')));
}
