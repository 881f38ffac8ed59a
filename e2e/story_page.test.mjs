// End-to-end test of the web page in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core; no browser download).
//
// Starts `storyfuse serve` on a temporary database, posts the five seed
// articles (read at run time from $STORYFUSE_SHARED_DIR/seeds), opens the
// story and checks: the summary is shown, a quote's outlets are listed,
// and clicking a source chip highlights a sentence in its article.
// Screenshots go to $SCREENSHOT_DIR (default build/e2e-screenshots).
//
// Exit 77 (skipped) when chromium, playwright-core or the seeds are absent.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test, after, before} from 'node:test';
import assert from 'node:assert/strict';

const SKIP = 77;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const storyfuse = process.env.STORYFUSE || 'build/tools/storyfuse';
const sharedDir = process.env.STORYFUSE_SHARED_DIR || '../shared';
const shotDir = process.env.SCREENSHOT_DIR || 'build/e2e-screenshots';
const seedsDir = path.join(sharedDir, 'seeds');

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}

if (!fs.existsSync(chromiumPath)) skip(`no ${chromiumPath} (apt-get install chromium)`);
if (!fs.existsSync(storyfuse)) skip(`no storyfuse binary at ${storyfuse}`);
if (!fs.existsSync(seedsDir)) skip(`no seeds in ${seedsDir}`);
let chromium;
try {
  ({chromium} = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed (cd e2e && npm ci)');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storyfuse-e2e-'));
let server, browser, base;  // browser: a persistent context on a fresh profile

async function startServer() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  server = spawn(storyfuse, ['serve', '--db', path.join(tmp, 'e2e.db'), '--port', String(port)],
                 {stdio: ['ignore', 'inherit', 'inherit']});
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(base + '/healthz')).ok) return;
    } catch {}
    if (server.exitCode !== null) throw new Error(`storyfuse serve exited with ${server.exitCode}`);
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('storyfuse serve did not answer /healthz within 20 s');
}

before(async () => {
  fs.mkdirSync(shotDir, {recursive: true});
  await startServer();
  const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();
  const docs = seeds.map(f => ({id: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(seedsDir, f), 'utf8')}));
  const res = await fetch(base + '/api/articles', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                                   body: JSON.stringify(docs)});
  assert.equal(res.status, 200, await res.text());
  // A fresh --user-data-dir: playwright passes it for a persistent context.
  browser = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: {width: 1280, height: 900},
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  fs.rmSync(tmp, {recursive: true, force: true});
});

test('story list shows the seeded story newest first', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.story-item a');
  assert.ok(await page.locator('.story-item').count() >= 1);
  await page.screenshot({path: path.join(shotDir, 'story-list.png'), fullPage: true});
  await page.close();
});

test('story page: summary, quote outlets, chip highlights a sentence', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/');
  // The story with the most articles: the five seeds report one event.
  const stories = await (await fetch(base + '/api/stories')).json();
  const top = stories.stories.reduce((a, b) => (b.articles > a.articles ? b : a));
  await page.goto(`${base}/#/story/${encodeURIComponent(top.id)}`);
  await page.waitForSelector('.summary .statement');
  const statements = await page.locator('.summary .statement').count();
  assert.ok(statements >= 1, 'the summary shows at least one sentence');

  const brief = await (await fetch(`${base}/api/stories/${encodeURIComponent(top.id)}`)).json();
  if (brief.quotes.length) {
    const row = page.locator('table.quotes tbody tr').first();
    const marked = await row.locator('td.present, td.variant').count();
    assert.ok(marked >= 1, 'the first quote names at least one outlet');
    assert.equal(marked, new Set([...brief.quotes[0].sources, ...brief.quotes[0].variants.map(v => v.source)]).size);
  }

  const chip = page.locator('.summary .chip').first();
  const article = await chip.getAttribute('data-article');
  await chip.click();
  const selected = page.locator(`.article[data-id="${article}"] .sent.selected`);
  await selected.first().waitFor();
  assert.ok(await selected.count() >= 1, 'clicking a chip highlights a sentence in its article');
  await page.waitForTimeout(600);  // let the smooth scroll settle for the screenshot
  assert.ok(await selected.first().isVisible());
  await page.screenshot({path: path.join(shotDir, 'story-chip-clicked.png')});
  await page.screenshot({path: path.join(shotDir, 'story-full.png'), fullPage: true});
  await page.close();
});

test('story page is readable on a phone', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({width: 390, height: 844});
  const stories = await (await fetch(base + '/api/stories')).json();
  await page.goto(`${base}/#/story/${encodeURIComponent(stories.stories[0].id)}`);
  await page.waitForSelector('.summary .statement');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling of the page (overflow ${overflow}px)`);
  await page.screenshot({path: path.join(shotDir, 'story-phone.png')});
  await page.close();
});
