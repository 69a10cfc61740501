import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ApiSession } from './support/api';
import { logInAs, saved, switchTo } from './support/session';

const workflow = (page: Page) => page.getByRole('group', { name: 'Workflow' });

test('a wire story with a lead photo goes through the desk; approval waits for the photo credit; readers see only what is live', async ({ page, browser, baseURL }) => {
  // Four people and a reader, one after another: longer than most tests.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const headline = `Harbour talks resume as minister arrives ${stamp}`;
  // A photo with no credit in its metadata.
  const pixels = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer();
  const uploader = await ApiSession.logIn(baseURL!, 'photo_editor');
  await uploader.uploadPhoto(`harbour-${stamp}.jpg`, pixels);
  await uploader.dispose();

  // The reporter writes it in the shape of a wire story and submits it.
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(page.url()).pathname;
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Standfirst').fill('The minister will meet shipping firms before two days of talks on berthing rights.');
  await page.getByLabel('Byline').fill('Harbourline News Service');
  await page.getByLabel('Dateline').fill('PORT ALDER');
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('The minister arrived on Tuesday with the harbour dispute unresolved.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"Nobody expects a deal this week," said a port official.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Subheading', exact: true }).click();
  await page.keyboard.type('Shipping firms wait');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Firms say the delays cost them money every week.');
  await page.getByRole('button', { name: 'Choose lead photo…' }).click();
  const leadPicker = page.getByRole('dialog', { name: 'Choose the lead photo' });
  await leadPicker.getByLabel('Search the library').fill(`harbour-${stamp}`);
  // The search finds the photo by its file name (and only it).
  const options = leadPicker.getByRole('listbox', { name: 'Photos' }).getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(`harbour-${stamp}.jpg`);
  await leadPicker.getByRole('listbox', { name: 'Photos' }).focus();
  await page.keyboard.press('Enter');
  await expect(leadPicker).toBeHidden();
  await page.getByLabel('Lead photo caption').fill('The minister walks along the north quay in Port Alder on Tuesday.');
  await page.getByLabel('Lead photo alt text').fill('A woman in a dark coat walks beside moored ships');
  await saved(page);
  await workflow(page).getByRole('button', { name: 'Submit' }).click();
  await expect(workflow(page).getByRole('button', { name: 'Submit' })).toBeHidden();

  await switchTo(page, 'editor');
  await page.goto(storyUrl);
  await workflow(page).getByRole('button', { name: 'Mark ready' }).click();
  await expect(workflow(page).getByRole('button', { name: 'Send back to desk' })).toBeVisible();

  // The chief editor cannot approve until the lead photo is credited.
  await switchTo(page, 'chief_editor');
  await page.goto(storyUrl);
  await workflow(page).getByRole('button', { name: 'Approve' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'the publish checklist is not complete' });
  await expect(problems).toContainText('The lead photo has no credit');
  await problems.getByRole('button', { name: 'Show me' }).click();
  await expect(page.getByLabel('Lead photo credit')).toBeFocused();
  await page.keyboard.type('Harbourline');
  await saved(page);
  await workflow(page).getByRole('button', { name: 'Approve' }).click();
  await workflow(page).getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(workflow(page).getByRole('button', { name: 'Unpublish' })).toBeVisible();
  const slug = (await (await page.request.get(`/api${storyUrl}`)).json()).slug as string;

  // A reader, not logged in, sees the story laid out like the reference.
  const reader = await (await browser.newContext()).newPage();
  const response = await reader.goto(`/news/${slug}`);
  expect(response!.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(reader.getByText('The minister will meet shipping firms before two days of talks on berthing rights.')).toBeVisible();
  await expect(reader.getByText('Harbourline News Service', { exact: true })).toBeVisible();
  await expect(reader.getByText('PORT ALDER:')).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'Shipping firms wait' })).toBeVisible();
  await expect(reader.getByRole('figure').first()).toContainText('The minister walks along the north quay in Port Alder on Tuesday. PHOTO: HARBOURLINE');
  await expect(reader.getByRole('img', { name: 'A woman in a dark coat walks beside moored ships' })).toBeVisible();

  // An edit after publication is not public until the chief editor publishes the update.
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Talks continue on Thursday.');
  await saved(page);
  await reader.reload();
  await expect(reader.getByText('Talks continue on Thursday.')).toHaveCount(0);
  await workflow(page).getByRole('button', { name: 'Publish update' }).click();
  const correction = page.getByRole('dialog', { name: 'Publish the update' });
  await correction.getByLabel(/What does this correction change/).fill('Added when the talks continue.');
  await correction.getByRole('button', { name: 'Publish update' }).click();
  await expect(correction).toBeHidden();
  await reader.reload();
  await expect(reader.getByText('Talks continue on Thursday.', { exact: false })).toBeVisible();
  await expect(reader.getByText('Added when the talks continue.')).toBeVisible();
});
