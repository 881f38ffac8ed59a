// End-to-end test of live updates (issue #24) in headless Chromium: a feed
// served by this script on 127.0.0.1 publishes reports of one invented
// event; `storyfuse serve --follow` follows it (every second); the open
// page must show the feed's health and the story growing as the feed
// publishes, without a reload.
//
// Exit 77 (skipped) when chromium or playwright-core is absent.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {test, after, before} from 'node:test';
import assert from 'node:assert/strict';

const SKIP = 77;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const storyfuse = process.env.STORYFUSE || 'build/tools/storyfuse';
const shotDir = process.env.SCREENSHOT_DIR || 'build/e2e-screenshots';

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}
if (!fs.existsSync(chromiumPath)) skip(`no ${chromiumPath} (apt-get install chromium)`);
if (!fs.existsSync(storyfuse)) skip(`no storyfuse binary at ${storyfuse}`);
let chromium;
try {
  ({chromium} = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed (cd e2e && npm ci)');
}

// Reports of one invented event, each outlet in its own words.
const outlets = ['Marrowvale Ledger', 'Ostrin Bay Herald', 'Velmora Courier', 'Tallvik Post', 'Korvinde Gazette'];
function report(i) {
  const o = outlets[i];
  const lede = [
    'The Brenholt ferry Saltmarsh Queen ran aground on the Kestrel sandbank on Tuesday with 214 passengers aboard, the Brenholt harbour board said.',
    'All 214 passengers of the Saltmarsh Queen were brought ashore after the Brenholt ferry ran aground on the Kestrel sandbank on Tuesday.',
    'Rescue boats reached the Saltmarsh Queen within forty minutes after the Brenholt ferry grounded on the Kestrel sandbank on Tuesday.',
  ][i % 3];
  return `<!DOCTYPE html><html><head><title>Brenholt ferry aground on Kestrel sandbank (${o})</title>
<meta property="og:site_name" content="${o}"><meta property="article:published_time" content="2031-06-0${3 + i}T10:00:00Z">
</head><body><article><h1>Brenholt ferry aground on Kestrel sandbank</h1>
<p>${lede}</p>
<p>Harbour master Ilse Varnholt said the tide had fallen faster than the crew of the Saltmarsh Queen expected near the Kestrel light.</p>
<p>"Every passenger was counted twice before the lifeboats left the Saltmarsh Queen," Varnholt told reporters at the Brenholt quay.</p>
<p>Tugs from Ostrin Bay will try to refloat the ferry at the evening high tide, the Brenholt harbour board said, and crossings to Tallvik are cancelled until Friday.</p>
<p>The ${o} counted ${12 + i} cars and ${3 + i} lorries still on the Saltmarsh Queen's vehicle deck.</p>
</article></body></html>`;
}
let published = 2;
const feedServer = http.createServer((req, res) => {
  const base = `http://127.0.0.1:${feedServer.address().port}`;
  if (req.url === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
  if (req.url === '/feed.xml') {
    let items = '';
    for (let i = published - 1; i >= 0; i--) {
      items += `<item><title>Brenholt ferry aground on Kestrel sandbank (${outlets[i]})</title><link>${base}/news/${i}</link>` +
               `<guid isPermaLink="false">ferry-${i}</guid><pubDate>Tue, 0${3 + i} Jun 2031 10:00:00 +0000</pubDate></item>`;
    }
    res.setHeader('Content-Type', 'application/rss+xml');
    return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Wire</title>${items}</channel></rss>`);
  }
  const m = req.url.match(/^\/news\/(\d)$/);
  if (m) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    return res.end(report(+m[1]));
  }
  res.statusCode = 404;
  res.end();
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storyfuse-e2e-feeds-'));
let server, browser, base;

before(async () => {
  fs.mkdirSync(shotDir, {recursive: true});
  await new Promise(r => feedServer.listen(0, '127.0.0.1', r));
  const feed = `http://127.0.0.1:${feedServer.address().port}/feed.xml`;
  const port = 20000 + Math.floor(Math.random() * 20000);
  server = spawn(storyfuse, ['serve', '--db', path.join(tmp, 'feeds.db'), '--port', String(port),
                             '--follow', feed, '--interval', '1s', '--delay', '0'],
                 {stdio: ['ignore', 'inherit', 'inherit']});
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(base + '/healthz')).ok) break;
    } catch {}
    if (server.exitCode !== null) throw new Error(`storyfuse serve exited with ${server.exitCode}`);
    await new Promise(r => setTimeout(r, 100));
  }
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
  feedServer.close();
  fs.rmSync(tmp, {recursive: true, force: true});
});

test('the page shows the feed and a story growing as its feed publishes, without a reload', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/');
  await page.evaluate(() => { window.notReloaded = true; });
  const item = page.locator('.story-item').first();
  await page.waitForFunction(() => /2 articles/.test(document.querySelector('.story-item .meta')?.textContent || ''),
                             null, {timeout: 30000});
  await page.waitForSelector('.feed-ok', {timeout: 30000});
  assert.match(await page.locator('.feed').first().textContent(), /Coastal Wire/);
  assert.match(await item.locator('.meta').textContent(), /updated/);
  await page.screenshot({path: path.join(shotDir, 'feeds-before.png'), fullPage: true});

  published = 5;  // the feed publishes three more reports
  await page.waitForFunction(() => /5 articles/.test(document.querySelector('.story-item .meta')?.textContent || ''),
                             null, {timeout: 30000});
  assert.equal(await page.locator('.story-item').count(), 1, 'the new reports joined the story');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  assert.match(await page.locator('.feed').first().textContent(), /5 articles/);
  await page.screenshot({path: path.join(shotDir, 'feeds-after.png'), fullPage: true});
  await page.close();
});
