import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { Photo } from '../src/domain/api/photos';
import type { Story } from '../src/domain/api/stories';
import { logInAs } from './support/session';

/** A photo made here, with the caption and credit an agency would embed (XMP). */
async function agencyPhoto(width: number, caption: string, credit: string): Promise<Buffer> {
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${caption}</rdf:li></rdf:Alt></dc:description>` +
    `<photoshop:Credit>${credit}</photoshop:Credit>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta>';
  const pixels = Buffer.alloc(width * 400 * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    pixels[i] = (i / 3) % width;
    pixels[i + 1] = 90;
    pixels[i + 2] = Math.floor(i / 3 / width) % 256;
  }
  return sharp(pixels, { raw: { width, height: 400, channels: 3 } }).jpeg().withXmp(xmp).toBuffer();
}

/** Drops files on an element as a person dragging them from the desktop would. */
async function dropFiles(target: Locator, files: Array<{ name: string; bytes: Buffer }>) {
  const payload = files.map((file) => ({ name: file.name, base64: file.bytes.toString('base64') }));
  const box = (await target.boundingBox())!;
  await target.evaluate(
    (element, { payload, x, y }) => {
      const transfer = new DataTransfer();
      for (const file of payload) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: 'image/jpeg' }));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: x, clientY: y }));
      }
    },
    { payload, x: box.x + box.width / 2, y: box.y + box.height - 5 },
  );
}

/** Pastes an image, as after copying a screenshot. */
async function pasteImage(target: Locator, file: { name: string; bytes: Buffer }) {
  await target.evaluate((element, { name, base64 }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/jpeg' }));
    element.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
  }, { name: file.name, base64: file.bytes.toString('base64') });
}

async function storyFromApi(page: Page, id: string): Promise<Story> {
  const response = await page.request.get(`/api/stories/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Story;
}

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });

test('the photo desk uploads and corrects a photo; a reporter places it as a figure and as the lead photo', async ({ browser }) => {
  // The photo desk: upload from the library, with the agency's caption read from the file.
  const desk = await (await browser.newContext()).newPage();
  await logInAs(desk, 'photo_editor');
  await desk.getByRole('link', { name: 'Photos' }).click();
  await expect(desk.getByRole('heading', { name: 'Photos', level: 1 })).toBeVisible();
  const bytes = await agencyPhoto(900, 'Ferry pasengers queue at the north quay in Kestrel Bay', 'Harbourline');
  await desk.getByLabel('Photos to upload').setInputFiles({ name: 'ferry-queue.jpg', mimeType: 'image/jpeg', buffer: bytes });
  await expect(desk.getByRole('list', { name: 'Uploads' }).getByRole('status')).toHaveText('Added to the library');

  // The new photo opens with its prefilled words; the desk fixes the caption's typo.
  const details = desk.getByRole('complementary', { name: 'Photo details' });
  await expect(details.getByLabel('Caption')).toHaveValue('Ferry pasengers queue at the north quay in Kestrel Bay');
  await expect(details.getByLabel('Credit')).toHaveValue('Harbourline');
  await details.getByLabel('Caption').fill('Ferry passengers queue at the north quay in Kestrel Bay on Monday.');
  await details.getByLabel('Alt text').fill('A line of people with bags beside a white ferry');
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(details.getByRole('status')).toHaveText('Saved');
  await expect(desk.getByRole('button', { name: 'Ferry passengers queue at the north quay in Kestrel Bay on Monday.' })).toBeVisible();

  // A reporter writes a story and inserts the photo from the picker, with the keyboard.
  const page = await (await browser.newContext()).newPage();
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await page.getByLabel('Headline').fill('Ferry queues grow as the bridge closes');
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Queues at the north quay grew through the morning.');
  await page.getByRole('button', { name: 'Insert photo' }).click();
  const picker = page.getByRole('dialog', { name: 'Insert photo' });
  await picker.getByLabel('Search the library').fill('passengers');
  const choices = picker.getByRole('listbox', { name: 'Photos' });
  await expect(choices.getByRole('option')).toHaveCount(1);
  await picker.getByLabel('Search the library').press('ArrowDown');
  await expect(choices.getByRole('option', { selected: true })).toContainText('Ferry passengers queue');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  // The figure shows the library's corrected words, and the story may word them its own way.
  const caption = body.getByRole('textbox', { name: 'Caption' });
  await expect(caption).toHaveText('Ferry passengers queue at the north quay in Kestrel Bay on Monday.');
  await page.keyboard.type(' The bridge reopens in spring.');
  await page.keyboard.press('Tab');
  await expect(body.getByLabel('Credit')).toBeFocused();
  await expect(body.getByLabel('Credit')).toHaveValue('Harbourline');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Harbourline/Jo Lens');
  await expect(body.getByLabel('Alt text')).toHaveValue('A line of people with bags beside a white ferry');

  // And the same photo as the lead photo, from the side panel.
  await page.getByRole('button', { name: 'Choose lead photo…' }).click();
  const leadPicker = page.getByRole('dialog', { name: 'Choose the lead photo' });
  await leadPicker.getByLabel('Search the library').fill('ferry passengers');
  await expect(leadPicker.getByRole('listbox', { name: 'Photos' }).getByRole('option')).toHaveCount(1);
  await leadPicker.getByRole('listbox', { name: 'Photos' }).focus();
  await page.keyboard.press('Enter');
  await expect(leadPicker).toBeHidden();
  await page.getByLabel('Lead photo caption').fill('Passengers wait for the first ferry of the day.');
  await expect(page.getByLabel('Lead photo credit')).toHaveValue('Harbourline');
  await saved(page);

  // After a reload both keep their captions and credits.
  await page.reload();
  await expect(body.getByRole('textbox', { name: 'Caption' })).toHaveText('Ferry passengers queue at the north quay in Kestrel Bay on Monday. The bridge reopens in spring.');
  await expect(body.getByLabel('Credit')).toHaveValue('Harbourline/Jo Lens');
  await expect(page.getByLabel('Lead photo caption')).toHaveValue('Passengers wait for the first ferry of the day.');
  await expect(page.getByLabel('Lead photo credit')).toHaveValue('Harbourline');
  await expect(page.getByRole('main').getByRole('figure').first()).toContainText('Passengers wait for the first ferry of the day. PHOTO: HARBOURLINE');

  const story = await storyFromApi(page, id);
  const figure = story.body.content!.find((block) => block.type === 'figure')!;
  expect(figure.attrs).toMatchObject({ credit: 'Harbourline/Jo Lens', alt: 'A line of people with bags beside a white ferry', width: 900, height: 400 });
  expect(story.leadPhoto).toEqual({
    photoId: figure.attrs!.photoId,
    caption: 'Passengers wait for the first ferry of the day.',
    credit: 'Harbourline',
    alt: 'A line of people with bags beside a white ferry',
  });
  // The library keeps its own words.
  const library = (await (await page.request.get(`/api/photos/${figure.attrs!.photoId}`)).json()) as Photo;
  expect(library.caption).toBe('Ferry passengers queue at the north quay in Kestrel Bay on Monday.');
});

test('photos dropped or pasted into the body upload together and become figures; an upload can be cancelled', async ({ page }) => {
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Harbour in pictures');
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Two scenes from the harbour this week.');
  await saved(page);

  await dropFiles(body, [
    { name: 'cranes.jpg', bytes: await agencyPhoto(640, 'Cranes unload grain at dusk', 'Port Authority') },
    { name: 'gulls.jpg', bytes: await agencyPhoto(641, 'Gulls over the fish market', 'Harbourline') },
  ]);
  await expect(body.getByRole('group', { name: 'Photo' })).toHaveCount(2);
  await expect(body.getByRole('textbox', { name: 'Caption' })).toHaveText(['Cranes unload grain at dusk', 'Gulls over the fish market']);
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('status')).toHaveText(['Added to the library', 'Added to the library']);

  // A pasted screenshot goes where the cursor is: after the paragraph it is in.
  await body.locator('p').first().click();
  await pasteImage(body, { name: 'screenshot.jpg', bytes: await agencyPhoto(643, 'Tide table for the week', 'Port Authority') });
  await expect(body.getByRole('textbox', { name: 'Caption' })).toHaveText(['Tide table for the week', 'Cranes unload grain at dusk', 'Gulls over the fish market']);
  await saved(page);

  // A slow upload, cancelled: nothing arrives.
  await page.route('**/api/photos', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue().catch(() => {});
  });
  await page.getByRole('button', { name: 'Insert photo' }).click();
  const picker = page.getByRole('dialog', { name: 'Insert photo' });
  await picker.getByLabel('Photos to upload').setInputFiles({ name: 'slow.jpg', mimeType: 'image/jpeg', buffer: await agencyPhoto(642, 'Never arrives', 'Nobody') });
  await picker.getByRole('button', { name: 'Cancel upload of slow.jpg' }).click();
  await expect(picker.getByRole('list', { name: 'Uploads' }).getByRole('status')).toHaveText('Cancelled');
  await page.unroute('**/api/photos');
  await page.waitForTimeout(3500);
  const list = await (await page.request.get('/api/photos?q=arrives')).json();
  expect(list.items).toEqual([]);
});

test('the photo desk corrects a figure’s caption and credit but cannot change the story text', async ({ browser }) => {
  const reporter = await (await browser.newContext()).newPage();
  await logInAs(reporter, 'reporter');
  await reporter.getByRole('link', { name: 'New story' }).click();
  await expect(reporter).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const id = reporter.url().split('/').pop()!;
  await reporter.getByLabel('Headline').fill('Lighthouse repainted');
  const body = reporter.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await reporter.keyboard.type('The lighthouse at Gull Point has a new coat of paint.');
  await dropFiles(body, [{ name: 'lighthouse.jpg', bytes: await agencyPhoto(700, 'The lighthouse at Gul Point', 'harbourline') }]);
  await expect(body.getByRole('textbox', { name: 'Caption' })).toHaveText('The lighthouse at Gul Point');
  await saved(reporter);

  const desk = await (await browser.newContext()).newPage();
  await logInAs(desk, 'photo_editor');
  await desk.goto(`/stories/${id}`);
  await expect(desk.getByText('The story text is read-only for the photo desk.')).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Insert photo' })).toHaveCount(0);
  const deskBody = desk.getByRole('textbox', { name: 'Story body' });

  // Typing in a paragraph changes nothing…
  await deskBody.locator('p').first().click();
  await desk.keyboard.type(' EXTRA');
  await expect(deskBody.locator('p').first()).toHaveText('The lighthouse at Gull Point has a new coat of paint.');
  // …the caption and credit change.
  const caption = deskBody.getByRole('textbox', { name: 'Caption' });
  await caption.click();
  await desk.keyboard.press('End');
  for (let i = 0; i < 'Gul Point'.length; i++) await desk.keyboard.press('Backspace');
  await desk.keyboard.type('Gull Point, freshly painted.');
  await deskBody.getByLabel('Credit').fill('HARBOURLINE');
  await saved(desk);

  await desk.reload();
  await expect(deskBody.getByRole('textbox', { name: 'Caption' })).toHaveText('The lighthouse at Gull Point, freshly painted.');
  await expect(deskBody.getByLabel('Credit')).toHaveValue('HARBOURLINE');
  const story = await storyFromApi(desk, id);
  expect(story.body.content![0].content).toEqual([{ type: 'text', text: 'The lighthouse at Gull Point has a new coat of paint.' }]);
});
