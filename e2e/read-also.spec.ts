import { expect, test } from '@playwright/test';
import { ApiSession } from './support/api';
import { logInAs } from './support/session';

test('typing "Read also:" links a story picked with the keyboard, and the block follows the target’s headline', async ({ page, baseURL }) => {
  // The reporter's own earlier story (a reporter sees only their own drafts); the desk edits it later.
  const author = await ApiSession.logIn(baseURL!, 'reporter');
  const target = await author.createStory({ headline: `Ferry operators agree winter timetable ${Date.now()}` });
  const desk = await ApiSession.logIn(baseURL!, 'editor');

  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  await page.getByLabel('Headline').fill('Night ferry starts on Monday');
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('The first crossing leaves at midnight.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Read also:');

  // The typed label opens the story picker; the words typed find the story by headline.
  const picker = page.getByRole('dialog', { name: 'Read also' });
  const search = picker.getByRole('combobox', { name: 'Find a story for “Read also”' });
  await expect(search).toBeFocused();
  await page.keyboard.type('winter timetable');
  const option = picker.getByRole('option', { name: new RegExp(target.headline) });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Draft');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  const block = body.getByRole('group', { name: `Read also: ${target.headline}` });
  await expect(block).toBeVisible();
  await expect(block).toContainText('Not published yet');
  // Typing carries on below the block.
  await page.keyboard.type('The service runs until spring.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  const linkingUrl = page.url();

  // The desk renames the target; the linking story is not touched, yet shows the new headline.
  const renamed = await desk.saveStory(target, { headline: `Winter ferry timetable agreed ${Date.now()}` });
  await page.reload();
  await expect(body.getByRole('group', { name: `Read also: ${renamed.headline}` })).toBeVisible();
  await expect(body.locator('p').last()).toHaveText('The service runs until spring.');

  // The target lists the story that links to it.
  await page.goto(`/stories/${target.id}`);
  const linkedFrom = page.getByRole('region', { name: 'Linked from' });
  await expect(linkedFrom.getByRole('link', { name: 'Night ferry starts on Monday' })).toHaveAttribute('href', new URL(linkingUrl).pathname);
  await Promise.all([author.dispose(), desk.dispose()]);
});

test('the link editor links a word to a story found by its headline; Escape gives the words back', async ({ page, baseURL }) => {
  const author = await ApiSession.logIn(baseURL!, 'reporter');
  const target = await author.createStory({ headline: `Harbour master retires after forty years ${Date.now()}` });

  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Read:');
  // Escape gives the typed words back.
  await expect(page.getByRole('dialog', { name: 'Read also' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(body.locator('p').first()).toHaveText('Read:');

  await page.keyboard.type(' the profile.');
  await page.keyboard.press('ArrowLeft'); // before the full stop
  for (let i = 0; i < 'profile'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+k');
  const linkDialog = page.getByRole('dialog', { name: 'Link' });
  await linkDialog.getByRole('combobox', { name: 'Link to a web address or a story' }).fill('harbour master retires');
  await expect(linkDialog.getByRole('option', { name: new RegExp(target.headline) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(body.locator('a[data-story-id]')).toHaveText('profile');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(body.locator(`a[data-story-id="${target.id}"]`)).toHaveText('profile');
  await author.dispose();
});
