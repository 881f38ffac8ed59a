// storyfuse web page: a story list and a story page, over the JSON API.
// No framework and no network beyond this server.
'use strict';

const view = document.getElementById('view');
const searchBox = document.getElementById('search');
const PAGE = 25;

// el('p', {class: 'x'}, 'text', child...) builds an element.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path) {
  const res = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await res.json().catch(() => ({error: 'not JSON'}));
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

// A write (POST, JSON) with the editor's token when one was given.
async function post(path, body) {
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  const token = sessionStorage.getItem('storyfuse-token');
  if (token) headers.Authorization = 'Bearer ' + token;
  const res = await fetch(path, {method: 'POST', headers, body: JSON.stringify(body)});
  const answer = await res.json().catch(() => ({error: 'not JSON'}));
  if (!res.ok) throw new Error(answer.error || ('HTTP ' + res.status));
  return answer;
}

function showError(err) {
  view.replaceChildren(el('p', {class: 'error'}, 'Error: ' + err.message));
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

// ---- story list ----

async function showList(q, offset) {
  searchBox.value = q;
  const params = new URLSearchParams({limit: PAGE, offset});
  if (q) params.set('q', q);
  const data = await api('/api/stories?' + params);
  const items = data.stories.map(s => el('li', {class: 'story-item', 'data-id': s.id},
      el('a', {href: '#/story/' + encodeURIComponent(s.id)}, s.headline || s.id),
      el('div', {class: 'meta'}, `${s.articles} article${s.articles === 1 ? '' : 's'} · ${s.outlets} outlet${s.outlets === 1 ? '' : 's'}`,
         s.published ? ` · published ${s.published}` : '', ` · updated ${when(s.updated)}`)));
  const heading = q ? `Stories matching “${q}” (${data.total})` : `Latest stories (${data.total})`;
  const pager = el('div', {class: 'pager'},
      offset > 0 ? el('button', {onclick: () => go(q, Math.max(0, offset - PAGE))}, 'Newer') : null,
      offset + PAGE < data.total ? el('button', {onclick: () => go(q, offset + PAGE)}, 'Older') : null);
  view.replaceChildren(el('h1', {}, heading),
      items.length ? el('ul', {class: 'story-list'}, items) : el('p', {class: 'muted'}, q ? 'No story matches.' : 'No stories yet: POST articles to /api/articles.'),
      pager, await feedsPanel());
}

// ---- feeds (serve --follow) ----

// The feeds the server follows and their health; null when it follows none.
async function feedsPanel() {
  const data = await api('/api/feeds').catch(() => null);
  if (!data) return null;
  const rows = data.feeds.map(f => el('li', {class: 'feed feed-' + f.health, 'data-id': f.id},
      el('span', {class: 'health'}, f.health), ' ',
      el('a', {href: f.url, rel: 'noopener noreferrer'}, f.title || f.url),
      el('div', {class: 'meta'}, `${f.articles} article${f.articles === 1 ? '' : 's'}`,
         f.last_success ? ` · last success ${when(f.last_success)}` : ' · not fetched yet',
         f.error_count ? ` · ${f.error_count} error${f.error_count === 1 ? '' : 's'} in a row: ${f.last_error}` : '')));
  return el('section', {class: 'feeds', id: 'feeds'}, el('h2', {}, `Feeds (${data.feeds.length})`),
      rows.length ? el('ul', {class: 'feed-list'}, rows) : el('p', {class: 'muted'}, 'No feeds yet: POST {"url": …} to /api/feeds.'));
}

function go(q, offset) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (offset) params.set('offset', offset);
  const s = params.toString();
  location.hash = '#/' + (s ? '?' + s : '');
}

// ---- story page ----

// Outlet, else a short title, else the id: chips must stay short.
function outletName(ref) {
  if (!ref) return '?';
  if (ref.outlet) return ref.outlet;
  const t = ref.title || ref.id;
  return t.length > 28 ? t.slice(0, 26) + '…' : t;
}

// Article text split into its sentences (code point spans), as spans.
function articleBody(article, alignedRanges) {
  const cps = Array.from(article.text || '');
  const body = el('div', {class: 'body'});
  let pos = 0;
  for (const s of article.sentences || []) {
    if (s.start > pos) body.append(cps.slice(pos, s.start).join(''));
    const aligned = alignedRanges.some(r => r.start < s.end && r.end > s.start);
    body.append(el('span', {class: 'sent' + (aligned ? ' aligned' : ''), 'data-start': s.start, 'data-end': s.end},
        cps.slice(s.start, s.end).join('')));
    pos = Math.max(pos, s.end);
  }
  if (pos < cps.length) body.append(cps.slice(pos).join(''));
  return body;
}

// Scrolls to and highlights the sentences of `articleId` overlapping [start, end).
function reveal(articleId, start, end) {
  document.querySelectorAll('.sent.selected').forEach(n => n.classList.remove('selected'));
  const col = document.querySelector(`.article[data-id="${CSS.escape(articleId)}"]`);
  if (!col) return;
  let first = null;
  for (const s of col.querySelectorAll('.sent')) {
    const a = +s.dataset.start, b = +s.dataset.end;
    if (start === undefined ? !first : (a < end && b > start)) {
      s.classList.add('selected');
      first = first || s;
    }
  }
  const target = first || col;
  col.scrollIntoView({behavior: 'smooth', block: 'nearest', inline: 'nearest'});
  target.scrollIntoView({behavior: 'smooth', block: 'center', inline: 'nearest'});
}

function chips(sources, spans, refs) {
  return (sources || []).map(id => {
    const span = (spans || []).find(s => s.article === id);
    return el('button', {class: 'chip', type: 'button', 'data-article': id, title: 'Show in ' + outletName(refs[id]),
        onclick: () => span ? reveal(id, span.start, span.end) : reveal(id)}, outletName(refs[id]));
  });
}

function summarySection(brief, refs) {
  if (!brief.summary.length) return el('p', {class: 'muted'}, 'No summary.');
  return el('div', {class: 'summary card'}, brief.summary.map(s =>
      el('p', {class: 'statement'}, s.text, ' ', chips(s.sources, s.spans, refs))));
}

function articlesSection(brief, articles) {
  const aligned = {};
  for (const st of [...brief.summary, ...brief.facts]) {
    if ((st.sources || []).length < 2) continue;
    for (const sp of st.spans || []) (aligned[sp.article] = aligned[sp.article] || []).push(sp);
  }
  return el('div', {class: 'articles'}, articles.map(a => el('article', {class: 'article card', 'data-id': a.id},
      el('h3', {}, outletName(a)),
      el('div', {class: 'meta'}, [a.title, a.published, (a.authors || []).join(', ')].filter(Boolean).join(' · ')),
      articleBody(a, aligned[a.id] || []),
      articleControls(a.id))));
}

// ---- editor corrections (POST /api/corrections) ----

// Sends one correction and shows the story it leaves the editor on.
async function correct(correction, storyAfter) {
  try {
    await post('/api/corrections', correction);
    if (location.hash === '#/story/' + encodeURIComponent(storyAfter)) route();
    else location.hash = '#/story/' + encodeURIComponent(storyAfter);
  } catch (err) {
    alert('Correction refused: ' + err.message);
  }
}

function articleControls(articleId) {
  const to = el('input', {type: 'text', placeholder: 's-12', size: 6, 'aria-label': 'Story to move it to'});
  return el('div', {class: 'edit meta'}, 'Wrong story? ',
      el('button', {type: 'button', onclick: () => correct({kind: 'detach', article: articleId}, currentStory)},
          'On its own'),
      ' or move to ', to,
      el('button', {type: 'button', onclick: () => to.value.trim() &&
          correct({kind: 'move', article: articleId, to: to.value.trim()}, currentStory)}, 'Move'));
}

function editSection(brief, id) {
  const other = el('input', {type: 'text', placeholder: 's-12', size: 6, 'aria-label': 'Story to merge into this one'});
  const token = el('input', {type: 'password', size: 12, 'aria-label': 'Editor token',
      value: sessionStorage.getItem('storyfuse-token') || '',
      onchange: e => sessionStorage.setItem('storyfuse-token', e.target.value)});
  const corrections = (brief.editor_corrections || []).map(c => el('li', {class: 'correction'},
      el('strong', {}, 'Editor: '), c.kind === 'merge' ? `merged ${c.story} into ${c.into}`
          : c.kind === 'move' ? `moved ${c.article} from ${c.from} to ${c.to}` : `took ${c.article} out of ${c.from} (now ${c.to})`,
      c.note ? ` — “${c.note}”` : '', ' ', el('span', {class: 'meta'}, when(c.at))));
  const moves = (brief.history || []).filter(m => m.by === 'stream').map(m => el('li', {},
      `${m.article}: ${m.from} → ${m.to} (regrouped as reports arrived) `, el('span', {class: 'meta'}, when(m.at))));
  return el('div', {class: 'card edit'},
      el('p', {}, `Version ${brief.version || 1}. `, 'Merge story ', other, ' into this one ',
          el('button', {type: 'button', onclick: () => other.value.trim() &&
              correct({kind: 'merge', story: other.value.trim(), into: id}, id)}, 'Merge'),
          ' · token (if the server needs one) ', token),
      corrections.length ? el('ul', {class: 'plain'}, corrections) : el('p', {class: 'muted'}, 'No corrections.'),
      moves.length ? el('details', {}, el('summary', {}, `${moves.length} regroupings`), el('ul', {class: 'plain'}, moves)) : null);
}

let currentStory = '';

function quoteTable(brief, refs) {
  if (!brief.quotes.length) return el('p', {class: 'muted'}, 'No quotes.');
  const ids = brief.articles.map(a => a.id);
  const head = el('tr', {}, el('th', {}, 'Quote'), el('th', {}, 'Speaker'), ids.map(id => el('th', {}, outletName(refs[id]))));
  const rows = brief.quotes.map(q => el('tr', {class: 'quote-row'},
      el('td', {}, '“' + q.text + '”'), el('td', {}, q.speaker || '—'),
      ids.map(id => {
        const v = (q.variants || []).find(x => x.source === id);
        if (v && v.text !== q.text) return el('td', {class: 'variant', 'data-article': id}, '“' + v.text + '”');
        if (v || (q.sources || []).includes(id)) return el('td', {class: 'present', 'data-article': id}, '✓');
        return el('td', {class: 'absent'}, '—');
      })));
  return el('div', {class: 'table-wrap'}, el('table', {class: 'quotes'}, el('thead', {}, head), el('tbody', {}, rows)));
}

function numbersSection(brief, refs) {
  const conflicted = new Set(brief.conflicts.flatMap(c => c.values.map(v => v.text)));
  const conflicts = brief.conflicts.map(c => el('div', {class: 'conflict'},
      el('span', {class: 'conflict-mark'}, '⚠ Reports differ: '), c.about, el('ul', {},
      c.values.map(v => el('li', {}, v.text, ' ', chips(v.sources, [], refs))))));
  const numbers = brief.numbers.map(n => el('li', {class: conflicted.has(n.text) ? 'number conflicted' : 'number'},
      conflicted.has(n.text) ? el('span', {class: 'conflict-mark', title: 'conflicting reports'}, '⚠ ') : null,
      n.text, n.hedge && n.hedge !== 'exact' ? el('span', {class: 'meta'}, ` (${n.hedge})`) : null, ' ', chips(n.sources, [], refs)));
  if (!conflicts.length && !numbers.length) return el('p', {class: 'muted'}, 'No numbers.');
  return el('div', {}, conflicts, numbers.length ? el('ul', {class: 'plain'}, numbers) : null);
}

function timelineSection(brief, refs) {
  if (!brief.timeline.length) return el('p', {class: 'muted'}, 'No dated events.');
  return el('ul', {class: 'plain timeline'}, brief.timeline.map(t =>
      el('li', {}, el('span', {class: 'date'}, t.date), t.text, ' ', chips(t.sources, [], refs))));
}

function exclusivesSection(brief, refs) {
  if (!brief.exclusives.length) return el('p', {class: 'muted'}, 'Nothing reported by one outlet only.');
  const by = new Map();
  for (const x of brief.exclusives) by.set(x.source, [...(by.get(x.source) || []), x]);
  return el('div', {class: 'exclusives'}, [...by].map(([id, xs]) => el('div', {class: 'card', style: 'margin-bottom:.6rem'},
      el('strong', {}, 'Only in ' + outletName(refs[id])), el('ul', {}, xs.map(x =>
      el('li', {}, x.text, ' ', chips([id], [], refs)))))));
}

async function showStory(id) {
  view.replaceChildren(el('p', {class: 'muted'}, 'Loading story…'));
  const brief = await api('/api/stories/' + encodeURIComponent(id));
  const articles = await Promise.all(brief.articles.map(a =>
      api('/api/articles/' + encodeURIComponent(a.id)).catch(() => ({...a, text: '', sentences: []}))));
  const refs = Object.fromEntries(brief.articles.map(a => [a.id, a]));
  document.title = (brief.headline || id) + ' · storyfuse';
  currentStory = id;
  view.replaceChildren(
      el('p', {}, el('a', {href: '#/'}, '← All stories')),
      el('h1', {}, brief.headline || id),
      el('div', {class: 'meta'}, `${brief.articles.length} articles · ${brief.outlets} outlets · ${brief.independent_sources} independent sources`,
         brief.updated ? ` · updated ${when(brief.updated)}` : ''),
      el('h2', {}, 'Summary'), summarySection(brief, refs),
      el('h2', {}, 'Articles'), articlesSection(brief, articles),
      el('h2', {}, 'Quotes'), quoteTable(brief, refs),
      el('h2', {}, 'Numbers'), numbersSection(brief, refs),
      el('h2', {}, 'Timeline'), timelineSection(brief, refs),
      el('h2', {}, 'Exclusives'), exclusivesSection(brief, refs),
      el('h2', {}, 'Corrections'), editSection(brief, id));
}

// ---- routing ----

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  try {
    if (hash.startsWith('/story/')) return await showStory(decodeURIComponent(hash.slice(7)));
    const params = new URLSearchParams(hash.split('?')[1] || '');
    document.title = 'storyfuse';
    await showList(params.get('q') || '', +(params.get('offset') || 0));
  } catch (err) {
    showError(err);
  }
}

let typing = null;
searchBox.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => go(searchBox.value.trim(), 0), 250);
});
document.getElementById('search-form').addEventListener('submit', e => {
  e.preventDefault();
  go(searchBox.value.trim(), 0);
});
window.addEventListener('hashchange', route);
route();

// ---- live updates ----
// New and updated stories (and feed health) appear without a reload: the
// page asks every LIVE_MS what it shows and redraws when it changed.
const LIVE_MS = 3000;
let liveState = null;  // [hash, what the page shows]

async function liveCheck() {
  const hash = location.hash.replace(/^#/, '') || '/';
  try {
    let state;
    if (hash.startsWith('/story/')) {
      const b = await api('/api/stories/' + encodeURIComponent(decodeURIComponent(hash.slice(7))));
      state = JSON.stringify([b.articles.map(a => a.id), b.updated || '']);
    } else {
      const params = new URLSearchParams(hash.split('?')[1] || '');
      const list = new URLSearchParams({limit: PAGE, offset: +(params.get('offset') || 0)});
      if (params.get('q')) list.set('q', params.get('q'));
      const data = await api('/api/stories?' + list);
      const feeds = await api('/api/feeds').catch(() => ({feeds: []}));
      state = JSON.stringify([data.total, data.stories.map(s => [s.id, s.articles, s.updated]),
                              feeds.feeds.map(f => [f.id, f.health, f.articles, f.error_count])]);
    }
    // The first look at a list cannot tell what its render saw, so it
    // redraws once (cheap); a story page keeps its selection until a change.
    const first = !liveState || liveState[0] !== hash;
    if (first ? !hash.startsWith('/story/') : liveState[1] !== state) {
      const y = window.scrollY;
      await route();
      window.scrollTo(0, y);
    }
    liveState = [hash, state];
  } catch {}
  setTimeout(liveCheck, LIVE_MS);
}
setTimeout(liveCheck, LIVE_MS);
