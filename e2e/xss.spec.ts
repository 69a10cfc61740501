import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { lineSchema } from '../src/domain/api/line';
import { nameSchema } from '../src/domain/api/users';
import { isAllowedHref } from '../src/domain/document/link-policy';
import { validateDocument } from '../src/domain/document/validate';
import { PHOTO_TEXT_LIMITS } from '../src/domain/photos/limits';
import { tagSchema } from '../src/domain/story/fields';
import { STORY_LIMITS } from '../src/domain/story/limits';
import { containsActiveMarkup } from '../server/services/photo-bytes';
import { IPTC, insertJpegSegment, iptcSegment, xmpPacket } from '../server/test/images';
import { XSS_URLS, XSS_VECTORS } from '../server/test/xss-corpus';
import { ApiSession } from './support/api';
import { InjectionGuard } from './support/xss-guard';

/**
 * The XSS corpus through every way text enters today — story fields, lead photo and figure
 * words, link addresses and titles, "Read also" (which shows another story's headline), photo
 * metadata read from the file and edited in the library, account names, pasted HTML — and then
 * every display surface in real Chromium: the story list, the desk, the editor, the photo
 * library, the accounts page, the public page, RSS and ninjs. Nothing may run: any dialog, any
 * console error (a script the CSP blocked logs one), any request to a host other than the app
 * fails the test. Wire import and paste cleanup (issue 7) add their paths by feeding the same corpus.
 */

const stamp = Date.now();

/** The vectors a one-line field takes (the rest are refused with 400, as the API tests show), packed into values of at most `max` characters. */
function packed(max: number, accepts: (value: string) => boolean = (value) => lineSchema('field', max).safeParse(value).success): string[] {
  const values: string[] = [];
  let current = '';
  for (const vector of XSS_VECTORS) {
    const piece = vector.slice(0, max).trim();
    if (!piece || !accepts(piece)) continue;
    if (current && `${current} ${piece}`.length > max) {
      values.push(current);
      current = piece;
    } else {
      current = current ? `${current} ${piece}` : piece;
    }
  }
  if (current) values.push(current);
  return values;
}

const nth = <T>(list: readonly T[], index: number): T => list[index % list.length];

const headlines = packed(STORY_LIMITS.headline);
const STORIES = headlines.length;
const fields = {
  standfirst: packed(STORY_LIMITS.standfirst),
  byline: packed(STORY_LIMITS.byline),
  dateline: packed(STORY_LIMITS.dateline),
  seoTitle: packed(STORY_LIMITS.seoTitle),
  seoDescription: packed(STORY_LIMITS.seoDescription),
  caption: packed(PHOTO_TEXT_LIMITS.caption),
  credit: packed(PHOTO_TEXT_LIMITS.credit),
  creator: packed(PHOTO_TEXT_LIMITS.creator),
  copyright: packed(PHOTO_TEXT_LIMITS.copyright),
  alt: packed(PHOTO_TEXT_LIMITS.alt),
};
const tags = [...new Map(XSS_VECTORS.map((vector) => vector.slice(0, STORY_LIMITS.tag).trim()).filter((tag) => tagSchema.safeParse(tag).success).map((tag) => [tag.toLowerCase(), tag])).values()];
const tagsFor = (index: number) => Array.from({ length: STORY_LIMITS.tags }, (_, n) => nth(tags, index * STORY_LIMITS.tags + n)).filter((tag, n, all) => all.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === n);
const bodyTexts = XSS_VECTORS.filter((text) => text && validateDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }).ok);
const hrefs = XSS_URLS.filter(isAllowedHref);
const names = XSS_VECTORS.filter((name) => nameSchema.safeParse(name).success && name.trim().length > 2);

/**
 * What a file's metadata may carry: the server refuses a file with active markup anywhere in its
 * bytes (<script>, <svg>, javascript: … — a polyglot) with 422, so the rest of the corpus goes in.
 */
const fileText = (max: number) => packed(max, (value) => lineSchema('field', max).safeParse(value).success && !containsActiveMarkup(Buffer.from(value)));
const fileFields = {
  caption: fileText(PHOTO_TEXT_LIMITS.caption),
  credit: fileText(PHOTO_TEXT_LIMITS.credit),
  creator: fileText(PHOTO_TEXT_LIMITS.creator),
  copyright: fileText(PHOTO_TEXT_LIMITS.copyright),
  alt: fileText(PHOTO_TEXT_LIMITS.alt),
};

/** A photo whose file carries the corpus in its XMP and IPTC metadata. */
async function hostilePhoto(index: number): Promise<Buffer> {
  const xmp = xmpPacket({
    description: nth(fileFields.caption, index),
    credit: nth(fileFields.credit, index),
    creator: nth(fileFields.creator, index),
    rights: nth(fileFields.copyright, index),
    altText: nth(fileFields.alt, index),
  });
  const pixels = await sharp({ create: { width: 320 + index, height: 200, channels: 3, background: { r: 200, g: 40 + index * 10, b: 60 } } })
    .jpeg()
    .withXmp(xmp)
    .toBuffer();
  // IPTC-IIM as well: what the XMP leaves out (here nothing but the caption it loses to) is read from it.
  return insertJpegSegment(pixels, iptcSegment([[IPTC.caption, nth(fileFields.caption, index + 1)], [IPTC.byline, nth(fileFields.creator, index + 1)]]));
}

function documentFor(index: number, photoId: string, readAlsoTarget: string | null) {
  const paragraph = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
  return {
    type: 'doc',
    content: [
      ...bodyTexts.map((text) => paragraph(text)),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: nth(headlines, index + 1) }] },
      ...hrefs.map((href, n) => paragraph(`Link ${n}`, [{ type: 'link', attrs: { href, title: nth(fields.seoTitle, index + n) } }])),
      { type: 'figure', attrs: { photoId, credit: nth(fields.credit, index + 1), alt: nth(fields.alt, index + 1) }, content: [{ type: 'text', text: nth(fields.caption, index + 1) }] },
      { type: 'blockquote', content: [paragraph(nth(bodyTexts, index))] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(nth(bodyTexts, index + 1))] }] },
      ...(readAlsoTarget ? [{ type: 'readAlso', attrs: { storyId: readAlsoTarget, label: 'Read also' } }] : []),
    ],
  };
}

interface Seeded {
  stories: Array<{ id: string; slug: string; headline: string }>;
  /** Drafts made from hostile wire copy (plain text, ninjs, NewsML-G2), submitted to the desk. */
  importedIds: string[];
  draftId: string;
  chief: { email: string; password: string };
  admin: { email: string; password: string };
}

async function expectOk(call: Promise<{ status: number; body: any }>, what: string) {
  const answer = await call;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 400)}`).toBeLessThan(300);
  return answer.body;
}

/** The hostile newsroom: accounts with hostile names, photos with hostile metadata, published stories full of the corpus. */
async function seed(baseURL: string): Promise<Seeded> {
  const admin = await ApiSession.logIn(baseURL, 'admin');
  const accounts = {
    chief: { email: `xss-chief-${stamp}@e2e.example`, password: 'hostile chief passphrase', role: 'chief_editor' },
    reporter: { email: `xss-reporter-${stamp}@e2e.example`, password: 'hostile reporter passphrase', role: 'reporter' },
    photos: { email: `xss-photos-${stamp}@e2e.example`, password: 'hostile photos passphrase', role: 'photo_editor' },
  };
  let n = 0;
  for (const account of Object.values(accounts)) {
    await expectOk(admin.call('POST', '/api/users', { ...account, name: nth(names, n++) }), `create ${account.role}`);
  }
  // Every other accepted name, on accounts of their own, for the accounts page.
  for (const name of names.slice(n, n + 6)) {
    await expectOk(admin.call('POST', '/api/users', { email: `xss-name-${n++}-${stamp}@e2e.example`, name, role: 'reporter', password: 'hostile named passphrase' }), `create ${name}`);
  }
  await admin.dispose();

  const photoDesk = await ApiSession.logInWith(baseURL, accounts.photos);
  const photoIds: string[] = [];
  for (let index = 0; index < 4; index++) photoIds.push((await photoDesk.uploadPhoto(`<img src=x onerror=alert(${index})>.jpg`, await hostilePhoto(index))).id);
  // The library's words edited by hand too.
  await expectOk(photoDesk.call('PATCH', `/api/photos/${photoIds[3]}`, { caption: nth(fields.caption, 5), credit: nth(fields.credit, 5), creator: nth(fields.creator, 5), copyright: nth(fields.copyright, 5), alt: nth(fields.alt, 5) }), 'edit photo');

  const reporter = await ApiSession.logInWith(baseURL, accounts.reporter);
  const chief = await ApiSession.logInWith(baseURL, accounts.chief);
  const stories: Seeded['stories'] = [];
  const importedIds: string[] = [];
  for (let index = 0; index < STORIES; index++) {
    const photoId = nth(photoIds, index);
    const story = await expectOk(
      reporter.call('POST', '/api/stories', {
        headline: headlines[index],
        standfirst: nth(fields.standfirst, index),
        // The byline starts as the reporter's (hostile) name on every other story.
        ...(index % 2 ? { byline: nth(fields.byline, index) } : {}),
        dateline: nth(fields.dateline, index),
        tags: tagsFor(index),
        seoTitle: nth(fields.seoTitle, index),
        seoDescription: nth(fields.seoDescription, index),
        leadPhoto: { photoId, caption: nth(fields.caption, index), credit: nth(fields.credit, index), alt: nth(fields.alt, index) },
        body: documentFor(index, nth(photoIds, index + 1), stories.at(-1)?.id ?? null),
      }),
      `create story ${index}`,
    );
    await expectOk(reporter.call('POST', `/api/stories/${story.id}/transitions`, { to: 'submitted' }), 'submit');
    await expectOk(chief.call('POST', `/api/stories/${story.id}/transitions`, { to: 'ready' }), 'ready');
    await expectOk(chief.call('POST', `/api/stories/${story.id}/transitions`, { to: 'approved' }), 'approve');
    const published = await expectOk(chief.call('POST', `/api/stories/${story.id}/transitions`, { to: 'published' }), 'publish');
    stories.push({ id: story.id, slug: published.slug, headline: story.headline });
  }
  // Wire copy: the corpus through all three importers, the drafts then submitted so the desk opens them.
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // Plain text and XML with control characters in them are refused (as binary; XML forbids them), so those imports take the rest.
  const controlFree = (text: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  const printable = XSS_VECTORS.filter(controlFree);
  const printableUrls = XSS_URLS.filter(controlFree);
  const vectorsHtml = XSS_VECTORS.map((vector) => `<p>${vector}</p>`).join('');
  const imports = [
    {
      format: 'text',
      content: [
        `Wire copy ${stamp} ${nth(printable, 0)}`,
        nth(printable, 1),
        'Harbourline April 24, 2024',
        `${nth(printable, 2)} PHOTO: ${nth(printable, 3)}`,
        `PORT ALDER: ${nth(printable, 4)}`,
        ...printable,
        `Read also: ${nth(printable, 5)}`,
        'COMMENTS',
      ].join('\n\n'),
    },
    {
      format: 'ninjs',
      content: JSON.stringify({
        uri: `urn:xss:${stamp}`,
        headlines: [{ role: 'main', value: `ninjs ${stamp} ${nth(XSS_VECTORS, 6)}` }],
        descriptions: [{ role: 'summary', contenttype: 'text/plain', value: nth(XSS_VECTORS, 7) }],
        bodies: [{ role: 'main', contenttype: 'text/html', value: `${vectorsHtml}${XSS_URLS.map((url) => `<p><a href="${escapeXml(url)}">link</a></p>`).join('')}` }],
        by: nth(XSS_VECTORS, 8),
        located: nth(XSS_VECTORS, 9),
        associations: [{ name: 'picture1', type: 'picture', descriptions: [{ role: 'caption', contenttype: 'text/plain', value: nth(XSS_VECTORS, 10) }], by: nth(XSS_VECTORS, 11) }],
      }),
    },
    {
      format: 'newsml',
      content: `<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:xss:${stamp}" version="1" standard="NewsML-G2" standardversion="2.33"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2025-05-12T09:25:00Z</versionCreated></itemMeta><contentMeta><headline>NewsML ${stamp} ${escapeXml(nth(printable, 12))}</headline><description role="drol:summary">${escapeXml(nth(printable, 13))}</description><by>${escapeXml(nth(printable, 14))}</by><dateline>${escapeXml(nth(printable, 15))}</dateline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${printable.map((vector) => `<p onclick="alert(1)" style="background:url(javascript:alert(1))">${escapeXml(vector)}</p>`).join('')}${printableUrls.map((url) => `<p><a href="${escapeXml(url)}" onmouseover="alert(1)">link</a><img src="${escapeXml(url)}" onerror="alert(1)"/></p>`).join('')}</body></html></inlineXML></contentSet></newsItem>`,
    },
  ];
  for (const entry of imports) {
    const imported = await expectOk(reporter.call('POST', '/api/import', entry), `import ${entry.format}`);
    await expectOk(reporter.call('POST', `/api/stories/${imported.story.id}/transitions`, { to: 'submitted' }), 'submit import');
    importedIds.push(imported.story.id);
  }
  const draft = await expectOk(reporter.call('POST', '/api/stories', { headline: `Pasted ${stamp}` }), 'draft');
  await Promise.all([reporter.dispose(), chief.dispose(), photoDesk.dispose()]);
  return { stories, importedIds, draftId: draft.id, chief: accounts.chief, admin: { email: 'admin@e2e.example', password: 'admin-passphrase-55555' } };
}

async function logIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Gives late handlers (image errors, autofocus, animations) a moment to fire. */
const settle = (page: Page) => page.waitForTimeout(250);

test('nothing in the XSS corpus runs on any surface: editor, lists, library, accounts, public page, RSS, ninjs', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const seeded = await seed(baseURL!);
  const context = await browser.newContext();
  const guard = await InjectionGuard.watch(context, baseURL!);
  const page = await context.newPage();

  // The desk, as the chief editor whose own name is hostile.
  await logIn(page, seeded.chief);
  await page.goto('/stories');
  await expect(page.getByRole('link', { name: seeded.stories.at(-1)!.headline })).toBeVisible();
  await settle(page);
  await page.goto('/desk');
  await expect(page.getByRole('heading').first()).toBeVisible();
  await settle(page);

  await page.goto('/photos');
  const cards = page.getByRole('list', { name: 'Photos' }).getByRole('button');
  await expect(cards.first()).toBeVisible();
  for (let index = 0; index < 4; index++) {
    await cards.nth(index).click();
    await settle(page);
    await page.keyboard.press('Escape');
  }

  for (const story of seeded.stories) {
    await page.goto(`/stories/${story.id}`);
    await expect(page.getByLabel('Headline')).toHaveValue(story.headline);
    await expect(page.locator('.ProseMirror figure').first()).toBeVisible();
    await settle(page);
  }

  for (const id of seeded.importedIds) {
    await page.goto(`/stories/${id}`);
    await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible();
    await settle(page);
  }

  for (const story of seeded.stories) {
    await page.goto(`/news/${story.slug}`);
    await expect(page.locator('h1')).toHaveText(story.headline);
    await settle(page);
  }
  await page.goto('/feed.xml');
  await settle(page);
  for (const story of seeded.stories.slice(0, 3)) {
    for (const version of ['2', '3']) {
      await page.goto(`/api/stories/${story.id}/ninjs?version=${version}`);
      await settle(page);
    }
  }

  // Pasted HTML: the corpus as a clipboard of markup, into a draft's body. The paste cleanup
  // disarms event handlers before anything parses the markup, so not even the CSP reports one.
  await page.goto(`/stories/${seeded.draftId}`);
  const body = page.locator('.ProseMirror');
  await body.click();
  await body.evaluate((element, html) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', html);
    transfer.setData('text/plain', 'pasted');
    element.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
  }, XSS_VECTORS.map((vector) => `<p>${vector}</p>${vector}`).join('\n'));
  await settle(page);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  const pasted = await (await page.request.get(`/api/stories/${seeded.draftId}`)).json();
  expect(JSON.stringify(pasted.body)).toContain('alert(1)'); // the corpus arrived, as text
  await page.reload();
  await expect(page.locator('.ProseMirror')).toBeVisible();
  await settle(page);

  // Accounts with hostile names, as the administrator sees them.
  await page.getByRole('link', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, seeded.admin);
  await page.goto('/admin/users');
  await expect(page.getByText(names[0]).first()).toBeVisible();
  await settle(page);

  expect(guard.problems).toEqual([]);
  await context.close();
});
