import fs from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { jpegBytes } from './server/test/images';
import sharp from 'sharp';

const base = 'http://127.0.0.1:3300';
const logins = Object.fromEntries(fs.readFileSync('/tmp/photos-demo/demo-logins.txt', 'utf8').split('\n').filter((l) => /@/.test(l)).map((l) => { const [role, email, pw] = l.trim().split(/\s+/); return [role, { email, pw }]; }));
const scheme = (process.env.SCHEME ?? 'light') as 'light' | 'dark';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

async function login(role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 950 }, colorScheme: scheme });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  page.on('pageerror', (e) => console.log('page error:', e.message));
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(logins[role].email);
  await page.getByLabel('Password').fill(logins[role].pw);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

const photo = await login('photo_editor');
await photo.getByRole('link', { name: 'Photos' }).click();
await photo.waitForTimeout(800);
const xmp = (d: string, c: string) => `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${d}</rdf:li></rdf:Alt></dc:description><photoshop:Credit>${c}</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta>`;
const files = [
  { name: 'quay-dawn.jpg', mimeType: 'image/jpeg', buffer: await sharp(await jpegBytes({ width: 1600, height: 1000 })).jpeg().withXmp(xmp('Fishing boats return to the quay at dawn', 'Harbourline')).toBuffer() },
  { name: 'chart.jpg', mimeType: 'image/jpeg', buffer: await jpegBytes({ width: 900, height: 600 }) },
  { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') },
];
await photo.locator('input[type=file]').setInputFiles(files);
await photo.waitForTimeout(2500);
await photo.screenshot({ path: `/tmp/shots/library-${scheme}.png`, fullPage: false });

const reporter = await login('reporter');
await reporter.goto(`${base}/stories`);
await reporter.getByRole('link', { name: 'New story' }).click();
await reporter.getByLabel('Headline').fill('Fishing fleet returns early as storm nears');
await reporter.getByRole('textbox', { name: 'Story body' }).click();
await reporter.keyboard.type('The fleet came back to Kestrel Bay a day early on Tuesday.');
await reporter.getByRole('button', { name: 'Insert photo' }).click();
await reporter.waitForTimeout(1000);
await reporter.screenshot({ path: `/tmp/shots/picker-${scheme}.png` });
await reporter.getByRole('listbox', { name: 'Photos' }).focus();
await reporter.keyboard.press('ArrowRight');
await reporter.keyboard.press('Enter');
await reporter.waitForTimeout(1500);
await reporter.screenshot({ path: `/tmp/shots/figure-${scheme}.png` });
await reporter.getByRole('button', { name: 'Choose lead photo…' }).click();
await reporter.getByRole('listbox', { name: 'Photos' }).focus();
await reporter.keyboard.press('Enter');
await reporter.waitForTimeout(1500);
await reporter.screenshot({ path: `/tmp/shots/lead-${scheme}.png` });
const fig = reporter.locator('.ProseMirror figure').first();
await fig.scrollIntoViewIfNeeded();
await reporter.getByRole('textbox', { name: 'Caption' }).first().click();
await reporter.keyboard.type('Nets drying on the harbour wall');
await reporter.keyboard.press('Tab');
await reporter.keyboard.type('Harbourline');
await reporter.waitForTimeout(1500);
await fig.screenshot({ path: `/tmp/shots/figure-close-${scheme}.png` });
const url = reporter.url();
await reporter.getByRole('link', { name: '← Stories' }).click();
// Submit so that the photo desk sees it (drafts are private).
const id = url.split('/').pop();
const ph = await login('photo_editor');
await ph.goto(url);
await ph.waitForTimeout(1500);
await ph.screenshot({ path: `/tmp/shots/photodesk-${scheme}.png` });

await browser.close();
