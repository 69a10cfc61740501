import { expect, test, type Page } from '@playwright/test';
import type { Story } from '../src/domain/api/stories';
import { logInAs } from './support/session';

async function storyFromApi(page: Page, id: string): Promise<Story> {
  const response = await page.request.get(`/api/stories/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Story;
}

test('a reporter writes a story that saves itself and is all there after a reload', async ({ page }) => {
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;

  await page.getByLabel('Headline').fill('Night ferry to run while the harbour bridge is repaired');
  await page.getByLabel('Standfirst').fill('Commuters get a late crossing from Monday, the port authority says.');
  await page.getByLabel('Dateline').fill('KESTREL BAY');

  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('The port authority will run a night ferry across the bay from Monday.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"It is the least we can do," said the harbour master.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Subheading', exact: true }).click();
  await page.keyboard.type('Repairs to last until spring');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Timetables are on the port website.');

  // Select "website" (before the full stop) and link it with the keyboard shortcut.
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'website'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByLabel('Link address').fill('port.example.org/timetables');
  await page.getByLabel('Link address').press('Enter');

  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await page.reload();

  await expect(page.getByLabel('Headline')).toHaveValue('Night ferry to run while the harbour bridge is repaired');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Commuters get a late crossing from Monday, the port authority says.');
  await expect(page.getByLabel('Dateline')).toHaveValue('KESTREL BAY');
  const reloaded = page.getByRole('textbox', { name: 'Story body' });
  await expect(reloaded.locator('p').first()).toHaveText('The port authority will run a night ferry across the bay from Monday.');
  await expect(reloaded.locator('h2')).toHaveText('Repairs to last until spring');
  await expect(reloaded.getByRole('link', { name: 'website' })).toHaveAttribute('href', 'https://port.example.org/timetables');

  const saved = await storyFromApi(page, id);
  expect(saved.body.content?.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
  expect(saved.wordCount).toBe(35);
  await expect(page.getByText('35 words · 1 min read')).toBeVisible();
});

test('the story list finds the new story by a word from its body', async ({ page }) => {
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Lighthouse keepers return to Gull Point');
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.type('The keepers will stay through the winter storms, mending the lamp by hand.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('link', { name: '← Stories' }).click();
  await page.getByLabel('Search stories').fill('mending');
  await expect(page).toHaveURL(/q=mending/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2); // header + the one match
  await expect(page.getByRole('link', { name: 'Lighthouse keepers return to Gull Point' })).toBeVisible();

  await page.getByLabel('Status').selectOption('published');
  await expect(page.getByText('No stories match these filters.')).toBeVisible();
});
