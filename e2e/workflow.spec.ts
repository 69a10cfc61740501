import { expect, test, type Page } from '@playwright/test';
import { ApiSession } from './support/api';
import { logInAs, saved, switchTo } from './support/session';

const workflow = (page: Page) => page.getByRole('group', { name: 'Workflow' });

test('a story goes from the reporter through the desk to the chief editor, who publishes it and later a correction', async ({ page }) => {
  const headline = `Harbour board approves night ferry ${Date.now()}`;
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(page.url()).pathname;
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Byline').fill('Harbourline News Service');
  await page.getByLabel('Dateline').fill('KESTREL BAY');
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.type('The harbour board voted on Tuesday to run a night ferry.');
  await saved(page);
  await workflow(page).getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Submitted', { exact: true }).first()).toBeVisible();

  // The desk sends it back with a note, which the reporter sees.
  await switchTo(page, 'editor');
  await page.goto(storyUrl);
  await workflow(page).getByRole('button', { name: 'Send back to reporter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send back to reporter' });
  await dialog.getByRole('button', { name: 'Send back to reporter' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Write a note: the author sees it.');
  await dialog.getByLabel('Note for the author: what needs doing?').fill('Add a standfirst, please.');
  await dialog.getByRole('button', { name: 'Send back to reporter' }).click();
  await expect(dialog).toBeHidden();

  await switchTo(page, 'reporter');
  await page.goto(storyUrl);
  await expect(page.getByText('Sent back by Eddie Editor: “Add a standfirst, please.”')).toBeVisible();
  await workflow(page).getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('region', { name: 'Log' }).getByText('Rosa Reporter').first()).toBeVisible();

  // The editor finds it on the desk.
  await switchTo(page, 'editor');
  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await page.getByRole('region', { name: 'Desk' }).getByRole('link', { name: headline }).click();
  await expect(page).toHaveURL(storyUrl);
  await workflow(page).getByRole('button', { name: 'Mark ready' }).click();
  await expect(workflow(page).getByRole('button', { name: 'Send back to desk' })).toBeVisible();

  // The chief editor finds it in the approval queue; approval is blocked until the checklist is complete.
  await switchTo(page, 'chief_editor');
  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await page.getByRole('region', { name: 'Approval queue' }).getByRole('link', { name: headline }).click();
  await expect(page).toHaveURL(storyUrl);
  await workflow(page).getByRole('button', { name: 'Approve' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'the publish checklist is not complete' });
  await expect(problems).toContainText('The story has no standfirst');
  await problems.getByRole('button', { name: 'Show me' }).click();
  await expect(page.getByLabel('Standfirst')).toBeFocused();
  await page.keyboard.type('A late crossing runs from Monday while the bridge is repaired.');
  await saved(page);
  await workflow(page).getByRole('button', { name: 'Approve' }).click();
  await workflow(page).getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(workflow(page).getByRole('button', { name: 'Unpublish' })).toBeVisible();

  // An edit after publication waits for the chief editor.
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' The first sailing is at midnight.');
  await saved(page);
  await expect(page.getByText('Published — changes not yet live.')).toBeVisible();
  await page.getByText('Show what would go live').click();
  await expect(page.locator('ins').filter({ hasText: 'midnight' })).toBeVisible();
  await workflow(page).getByRole('button', { name: 'Publish update' }).click();
  const correction = page.getByRole('dialog', { name: 'Publish the update' });
  await correction.getByLabel('What does this correction change? Readers see this under “Corrections”.').fill('Added the time of the first sailing.');
  await correction.getByRole('button', { name: 'Publish update' }).click();
  await expect(page.getByText('Published — changes not yet live.')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Log' })).toContainText('Correction published');
  await expect(page.getByRole('region', { name: 'Log' })).toContainText('Added the time of the first sailing.');
});

test('a chief editor schedules an approved story for a time, sees when it will go out, and can cancel it', async ({ page, baseURL }) => {
  const chief = await ApiSession.logIn(baseURL!, 'chief_editor');
  let story = await chief.createStory({
    headline: `Budget published at dawn ${Date.now()}`,
    standfirst: 'The council sets out its spending plans.',
    byline: 'Newsdesk staff',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council will publish its budget.' }] }] },
  });
  for (const to of ['submitted', 'ready', 'approved']) story = await chief.transition(story, to);
  await chief.dispose();

  await logInAs(page, 'chief_editor');
  await page.goto(`/stories/${story.id}`);
  await workflow(page).getByRole('button', { name: 'Schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule publication' });
  const inTwoDays = new Date(Date.now() + 2 * 24 * 3600_000);
  const local = new Date(inTwoDays.getTime() - inTwoDays.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await dialog.getByLabel('Publish at').fill(local);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Scheduled to publish on/)).toBeVisible();
  await expect(workflow(page)).toBeFocused();
  await workflow(page).getByRole('button', { name: 'Cancel schedule' }).click();
  await expect(page.getByText(/Scheduled to publish on/)).toBeHidden();
  await expect(workflow(page).getByRole('button', { name: 'Schedule' })).toBeVisible();
});
