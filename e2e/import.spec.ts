import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ApiSession } from './support/api';
import { logInAs } from './support/session';

const clipboard = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'src', 'features', 'editor', 'paste', 'fixtures', name), 'utf8');

test('"New from wire copy": pasted agency text opens as a draft with headline, standfirst, byline, dateline and its blocks', async ({ page, baseURL }) => {
  const stamp = Date.now();
  const earlier = `Harbour wall repairs to close night ferries ${stamp}`;
  const author = await ApiSession.logIn(baseURL!, 'reporter');
  const target = await author.createStory({ headline: earlier });
  const wire = [
    `Night ferries return to Kestrel Bay ${stamp}`,
    '',
    'Port authority to add two crossings before the summer timetable',
    '',
    '',
    'AFP March 3, 2025',
    'Passengers board the first night ferry at the Kestrel Bay terminal. PHOTO: AFP',
    '',
    'KESTREL BAY:',
    '',
    'Night ferries returned to Kestrel Bay on Monday, three weeks ahead of schedule.',
    '',
    `Read also: ${earlier}`,
    '',
    'Shopkeepers had warned that the suspension was costing them their busiest hours.',
    '',
    'Unions welcome the timetable',
    '',
    'The ferry workers\u2019 union said the new crossings would be staffed without overtime.',
    '',
    `Read: Island restaurants count the cost of a quiet winter ${stamp}`,
    '',
    'COMMENTS',
    '',
    'Replying to X',
  ].join('\n');

  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New from wire copy' }).click();
  await expect(page).toHaveURL(/\/stories\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: 'New from wire copy' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Plain text (wire copy)' })).toBeChecked();
  const copy = page.getByRole('textbox', { name: 'Wire copy' });
  await copy.fill(wire);
  await page.screenshot({ path: test.info().outputPath('import-page.png'), fullPage: true });

  // Keyboard only: from the copy to the button.
  await copy.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Or upload a file')).toBeFocused();
  await page.keyboard.press('Tab');
  const submit = page.getByRole('button', { name: 'Import as new draft' });
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Headline')).toHaveValue(`Night ferries return to Kestrel Bay ${stamp}`);
  await expect(page.getByLabel('Standfirst')).toHaveValue('Port authority to add two crossings before the summer timetable');
  const body = page.getByRole('textbox', { name: 'Story body' });
  await expect(body.locator('p').first()).toHaveText('Night ferries returned to Kestrel Bay on Monday, three weeks ahead of schedule.');
  await expect(body.getByRole('heading', { level: 2, name: 'Unions welcome the timetable' })).toBeVisible();
  await expect(body.getByRole('group', { name: `Read also: ${target.headline}` })).toBeVisible();
  const placeholder = body.getByRole('group', { name: `Read: Island restaurants count the cost of a quiet winter ${stamp}` });
  await expect(placeholder).toContainText('No story chosen');
  await expect(body).not.toContainText('COMMENTS');
  await expect(body).not.toContainText('Replying to');
  // The lead photo's words wait for the photo desk to find the picture.
  await expect(page.getByText('Photo to find').first()).toBeVisible();
  if (!(await page.getByLabel('Lead photo caption').isVisible())) await page.getByRole('button', { name: 'Show details' }).click();
  await expect(page.getByLabel('Lead photo caption')).toHaveValue('Passengers board the first night ferry at the Kestrel Bay terminal.');
  await expect(page.getByLabel('Lead photo credit')).toHaveValue('AFP');
  await expect(page.getByLabel('Byline')).toHaveValue('AFP');
  await expect(page.getByLabel('Dateline')).toHaveValue('KESTREL BAY');
  await page.screenshot({ path: test.info().outputPath('imported-draft.png'), fullPage: true });

  // The placeholder is fixed by choosing the story: the picker searches for its title at once.
  const later = await author.createStory({ headline: `Island restaurants count the cost of a quiet winter ${stamp}` });
  await placeholder.getByRole('button', { name: 'Choose story' }).click();
  const picker = page.getByRole('dialog', { name: 'Read also' });
  await expect(picker.getByRole('combobox')).toHaveValue(later.headline);
  await picker.getByRole('option', { name: new RegExp(later.headline) }).click();
  const resolved = body.getByRole('group', { name: `Read: ${later.headline}` });
  await expect(resolved).toContainText('Not published yet');
  await expect(resolved).not.toContainText('No story chosen');
});

test('"New from wire copy" says what is wrong with copy it cannot read, and creates nothing', async ({ page }) => {
  await logInAs(page, 'editor');
  await page.goto('/stories/import');
  await page.getByRole('button', { name: 'Import as new draft' }).click();
  await expect(page.getByRole('alert')).toHaveText('Paste the copy or choose a file first.');
  await expect(page.getByRole('textbox', { name: 'Wire copy' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Wire copy' }).fill('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><newsItem>&a;</newsItem>');
  await expect(page.getByRole('radio', { name: 'IPTC NewsML-G2 (XML)' })).toBeChecked();
  await page.getByRole('button', { name: 'Import as new draft' }).click();
  await expect(page.getByRole('alert')).toContainText('document type declaration');
  await expect(page).toHaveURL(/\/stories\/import$/);
});

async function pasteHtml(page: import('@playwright/test').Page, html: string) {
  await page.getByRole('textbox', { name: 'Story body' }).evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data);
    transfer.setData('text/plain', 'plain fallback');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

test('pasting from Word and Google Docs keeps headings, bold, italic, links and lists, and drops the noise', async ({ page }) => {
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();

  await pasteHtml(page, clipboard('word.html'));
  await expect(body.getByRole('heading', { level: 2, name: 'Council budget' })).toBeVisible();
  await expect(body.locator('strong', { hasText: 'approved' })).toBeVisible();
  await expect(body.locator('em', { hasText: 'draft' })).toBeVisible();
  await expect(body.getByRole('link', { name: 'the papers' })).toHaveAttribute('href', 'https://council.example.org/budget');
  await expect(body.locator('ul > li > ul > li')).toHaveText('Potholes on Mill Lane');
  await expect(body.locator('ol > li')).toHaveText(['First reading', 'Second reading']);
  await expect(body.locator('img')).toHaveCount(0);
  await expect(body).not.toContainText('·');
  expect(await body.innerHTML()).not.toMatch(/mso-|MsoNormal|file:/);

  // Google Docs: its bold wrapper must not make the whole paste bold.
  await body.press('ControlOrMeta+a');
  await body.press('Delete');
  await pasteHtml(page, clipboard('google-docs.html'));
  await expect(body.getByRole('heading', { level: 2, name: 'Budget day' })).toBeVisible();
  await expect(body.locator('strong')).toHaveText(['approved', 'Mill Lane']);
  await expect(body.locator('ul > li > ul > li')).toHaveText('Potholes on Mill Lane');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
});
