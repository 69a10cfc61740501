import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { Story } from '../src/domain/api/stories';
import { ApiSession } from './support/api';
import { logInAs, saved } from './support/session';
import type { Role } from '../src/domain/auth/roles';

async function photoBytes(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer();
}

async function openAs(browser: Browser, role: Role, storyId: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInAs(page, role);
  // Open, and heard by the server (the first presence heartbeat, which also tells this editor the
  // story's revision), as someone who has been on the story a moment: what others save from here
  // on is news to this editor.
  const heard = page.waitForResponse((response) => /\/presence\//.test(response.url()) && response.request().method() === 'PUT' && response.ok());
  await page.goto(`/stories/${storyId}`);
  await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible();
  await heard;
  return page;
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const caption = (page: Page) => body(page).getByRole('textbox', { name: 'Caption' });

test('a reporter types in the body while the photo desk fixes a caption: both see each other, and both changes survive', async ({ browser, baseURL }) => {
  const reporterApi = await ApiSession.logIn(baseURL!, 'reporter');
  const photo = await reporterApi.uploadPhoto('harbour.jpg', await photoBytes());
  const story: Story = await reporterApi.createStory({
    headline: 'Ferry service returns to the harbour',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'The ferry returned on Monday.' }] },
        { type: 'figure', attrs: { id: 'f1', photoId: photo.id, credit: '', alt: 'A ferry', width: 640, height: 400 }, content: [{ type: 'text', text: 'The ferry' }] },
        { type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'Passengers cheered.' }] },
      ],
    },
  });
  await reporterApi.dispose();

  const reporter = await openAs(browser, 'reporter', story.id);
  const photoDesk = await openAs(browser, 'photo_editor', story.id);

  // Each sees the other by name within a heartbeat or two.
  await expect(reporter.getByRole('list', { name: 'Also editing this story' })).toContainText('Pia Photo', { timeout: 15_000 });
  await expect(photoDesk.getByRole('list', { name: 'Also editing this story' })).toContainText('Rosa Reporter', { timeout: 15_000 });

  // The reporter types at the end of the last paragraph while the photo desk rewrites the caption.
  await body(reporter).getByText('Passengers cheered.').click();
  await reporter.keyboard.press('End');
  const typing = reporter.keyboard.type(' Some waved flags from the quay.', { delay: 40 });
  await caption(photoDesk).click();
  await photoDesk.keyboard.press('End');
  await photoDesk.keyboard.type(' at the north quay, at dawn');
  await typing;
  await saved(photoDesk);
  await saved(reporter);

  // The reporter's open editor takes in the caption without a reload, and keeps typing where it was.
  await expect(caption(reporter)).toHaveText('The ferry at the north quay, at dawn', { timeout: 15_000 });
  await reporter.keyboard.type(' The end.');
  await saved(reporter);
  await expect(body(reporter)).toContainText('Some waved flags from the quay. The end.');

  // After a reload, both people see both changes.
  for (const page of [reporter, photoDesk]) {
    await page.reload();
    await expect(caption(page)).toHaveText('The ferry at the north quay, at dawn');
    await expect(body(page)).toContainText('Passengers cheered. Some waved flags from the quay. The end.');
  }

  // The history lists both people's saves.
  await reporter.getByText('History', { exact: true }).click();
  const entries = reporter.getByRole('list', { name: 'Revisions, newest first' });
  await expect(entries).toContainText('Pia Photo');
  await expect(entries).toContainText('Rosa Reporter');
});

test('overlapping edits are shown side by side and the person chooses, block by block', async ({ browser, baseURL }) => {
  const editorApi = await ApiSession.logIn(baseURL!, 'editor');
  const story = await editorApi.createStory({
    headline: 'Council approves the budget',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { id: 'a1' }, content: [{ type: 'text', text: 'The council voted on Tuesday.' }] },
        { type: 'paragraph', attrs: { id: 'a2' }, content: [{ type: 'text', text: 'The vote was close.' }] },
      ],
    },
  });
  const page = await openAs(browser, 'chief_editor', story.id);
  // Someone else rewrites the first paragraph through the API while this editor rewrites it too.
  await editorApi.saveStory(story, {
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { id: 'a1' }, content: [{ type: 'text', text: 'The council voted 7 to 6 on Tuesday.' }] },
        { type: 'paragraph', attrs: { id: 'a2' }, content: [{ type: 'text', text: 'The vote was close.' }] },
      ],
    },
  });
  await body(page).getByText('The council voted on Tuesday.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' after a long debate');
  await expect(page.getByRole('status').filter({ hasText: 'someone else changed the same words' })).toBeVisible({ timeout: 15_000 });

  const item = page.getByRole('group', { name: 'Paragraph 1 of the body' });
  await expect(item.getByText('The council voted 7 to 6 on Tuesday.')).toBeVisible();
  await expect(item.getByText('The council voted on Tuesday. after a long debate')).toBeVisible();
  await item.getByRole('radio', { name: 'My version' }).check();
  await page.getByRole('button', { name: 'Apply and save' }).click();
  await saved(page);
  await page.reload();
  await expect(body(page)).toContainText('The council voted on Tuesday. after a long debate');
  await editorApi.dispose();
});
