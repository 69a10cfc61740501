import { expect, test, type Page } from '@playwright/test';
import type { Story } from '../src/domain/api/stories';
import { TEST_ACCOUNTS } from './support/accounts';
import { ApiSession } from './support/api';
import { logInAs, saved } from './support/session';

async function storyFromApi(page: Page, id: string): Promise<Story> {
  const response = await page.request.get(`/api/stories/${id}`);
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true);
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
  const address = page.getByRole('dialog', { name: 'Link' }).getByRole('combobox', { name: 'Link to a web address or a story' });
  await address.fill('port.example.org/timetables');
  await expect(page.getByText('Enter links to https://port.example.org/timetables')).toBeVisible();
  await address.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  const savesAfterReload: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') savesAfterReload.push(request.url());
  });
  await page.reload();

  await expect(page.getByLabel('Headline')).toHaveValue('Night ferry to run while the harbour bridge is repaired');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Commuters get a late crossing from Monday, the port authority says.');
  await expect(page.getByLabel('Dateline')).toHaveValue('KESTREL BAY');
  const reloaded = page.getByRole('textbox', { name: 'Story body' });
  await expect(reloaded.locator('p').first()).toHaveText('The port authority will run a night ferry across the bay from Monday.');
  await expect(reloaded.locator('h2')).toHaveText('Repairs to last until spring');
  await expect(reloaded.getByRole('link', { name: 'website' })).toHaveAttribute('href', 'https://port.example.org/timetables');

  // Opening a story is not an edit: nothing is sent, and it says so.
  await page.waitForTimeout(1500);
  expect(savesAfterReload).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const saved = await storyFromApi(page, id);
  expect(saved.body.content?.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
  expect(saved.wordCount).toBe(35);
  await expect(page.getByText('35 words · 1 min read')).toBeVisible();
});

test('typing in one paragraph of a long story sends only that paragraph, and the words are there after a reload', async ({ page, baseURL }) => {
  const api = await ApiSession.logIn(baseURL!, 'reporter');
  const paragraphs = ['The council met on Tuesday.', 'It voted to keep the library open.', 'A new roof is planned for spring.'];
  const story = await api.createStory({
    headline: 'Library stays open',
    body: { type: 'doc', content: paragraphs.map((text, index) => ({ type: 'paragraph', attrs: { id: `para-${index + 1}` }, content: [{ type: 'text', text }] })) },
  });

  await logInAs(page, 'reporter');
  await page.goto(`/stories/${story.id}`);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.locator('p').nth(1).click();
  await page.keyboard.press('End');
  const save = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith(`/api/stories/${story.id}`));
  await page.keyboard.type(' Late opening stays on Thursdays.');

  const sent = (await save).postDataJSON() as { body?: unknown; bodyPatch?: { order?: string[]; blocks: Array<{ attrs: { id: string } }> } };
  expect(sent.body).toBeUndefined();
  // The paragraphs keep their order, so it is not sent.
  expect(sent.bodyPatch).toBeDefined();
  expect(sent.bodyPatch!.order).toBeUndefined();
  expect(sent.bodyPatch?.blocks).toHaveLength(1);
  expect(sent.bodyPatch?.blocks[0]!.attrs.id).toBe('para-2');
  await saved(page);

  await page.reload();
  const reloaded = page.getByRole('textbox', { name: 'Story body' });
  await expect(reloaded.locator('p')).toHaveText([paragraphs[0]!, 'It voted to keep the library open. Late opening stays on Thursdays.', paragraphs[2]!]);
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

test('while the server cannot be reached the status says so, and the words are saved once it can', async ({ page }) => {
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;

  // Saves fail as if the connection dropped.
  await page.route(`**/api/stories/${id}`, (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
  await page.getByLabel('Headline').fill('Storm cuts power to the harbour');
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.type('Crews worked through the night.');
  await expect(page.getByRole('status').filter({ hasText: /^Offline — \d+ changes? kept on this device$/ })).toBeVisible({ timeout: 15_000 });
  await page.keyboard.type(' Power was back by dawn.');

  // Leaving now would lose work: the browser asks first.
  const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await dialog).toBe('beforeunload');

  await page.unroute(`**/api/stories/${id}`);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 20_000 });
  const saved = await storyFromApi(page, id);
  expect(saved.headline).toBe('Storm cuts power to the harbour');
  expect(saved.body.content?.[0].content?.[0].text).toBe('Crews worked through the night. Power was back by dawn.');
});

test('the first character typed into a block just made lands at its start: after Enter and after Subheading', async ({ page }) => {
  // Blocks out of view skip layout (content-visibility); a block made under the caret once took
  // its first character at its end or in the next block, in about half the runs.
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  const expected: Array<[string, string]> = [];
  for (let round = 1; round <= 4; round++) {
    await page.keyboard.type(`"Round ${round}" opens this paragraph.`);
    expected.push(['P', `"Round ${round}" opens this paragraph.`]);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Subheading', exact: true }).click();
    await page.keyboard.type(`Repairs, part ${round}`);
    expected.push(['H2', `Repairs, part ${round}`]);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.type('The end.');
  expected.push(['P', 'The end.']);
  const blocks = await body.evaluate((element) => [...element.children].map((child) => [child.tagName, child.textContent]));
  expect(blocks).toEqual(expected);
});

test('typing at full speed puts every character where the caret is, as it moves by keys and clicks, with marks and over a selection', async ({ page }) => {
  // The editor puts plain typed characters in itself (typed-characters.ts); a caret the browser
  // has just moved must still be where they land.
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Tides turn at noon.');
  // Known, and not this path's: a caret moved while a new story's first save is answered can
  // snap back to where it was (3 runs in 12 here, with the browser's own typing too). Left for
  // its own fix; this test starts once that save is in.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Home');
  await page.keyboard.type('Today: ');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' sharp');
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' Bring coats.');
  const tides = await body.locator('p').evaluate((paragraph) => {
    const range = document.createRange();
    const start = paragraph.textContent!.indexOf('Tides');
    range.setStart(paragraph.firstChild!, start);
    range.setEnd(paragraph.firstChild!, start + 'Tides'.length);
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.dblclick(tides.x, tides.y);
  await page.keyboard.type('Waters');
  await expect(body.locator('p')).toHaveText('Today: Waters turn at noon sharp. Bring coats.');
  await expect(body.locator('strong')).toHaveText(' Bring coats.');

  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(body.locator('p')).toHaveText('Today: Waters turn at noon sharp. Bring coats.');
  const saved = await storyFromApi(page, id);
  expect(saved.body.content?.[0].content?.map((part) => [part.text, part.marks?.map((mark) => mark.type) ?? []])).toEqual([
    ['Today: Waters turn at noon sharp.', []],
    [' Bring coats.', ['bold']],
  ]);
});

test('a word marked earlier in the paragraph, as the spellchecker marks one, stays marked while typing goes on after it', async ({ page }) => {
  // The typed character goes into the text node in place, as the browser's own insertion would:
  // rewriting the node's whole text would drop such marks (Chrome's spelling underlines).
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('The ferry leavs at nine');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await body.locator('p').evaluate((paragraph) => {
    const text = paragraph.firstChild!;
    const mark = document.createRange();
    mark.setStart(text, 'The ferry '.length);
    mark.setEnd(text, 'The ferry leavs'.length);
    (window as unknown as { spellingMark: Range }).spellingMark = mark;
  });
  await page.keyboard.type(' from the north quay.');
  await expect(body.locator('p')).toHaveText('The ferry leavs at nine from the north quay.');
  expect(await page.evaluate(() => (window as unknown as { spellingMark: Range }).spellingMark.toString())).toBe('leavs');
});

test('the toolbar works from the keyboard alone', async ({ page }) => {
  await logInAs(page, 'editor');
  await page.getByRole('link', { name: 'New story' }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Quiet night');
  await page.keyboard.press('Shift+Home');

  // Shift+Tab from the body reaches the toolbar; arrows move between its buttons.
  await page.keyboard.press('Shift+Tab');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Insert photo' })).toBeFocused();
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const bold = toolbar.getByRole('button', { name: 'Bold' });
  await expect(bold).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await expect(body.locator('strong')).toHaveText('Quiet night');

  // Ctrl/Cmd+Z undoes it from the body; Redo becomes available only then.
  const redo = toolbar.getByRole('button', { name: 'Redo' });
  await expect(redo).toHaveAttribute('aria-disabled', 'true');
  await body.focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(body.locator('strong')).toHaveCount(0);
  await expect(redo).not.toHaveAttribute('aria-disabled');
  await expect(toolbar.getByRole('button', { name: 'Undo' })).not.toHaveAttribute('aria-disabled');
});

test('when the session ends mid-story, logging in again over the page keeps every word', async ({ page }) => {
  await logInAs(page, 'reporter');
  await page.getByRole('link', { name: 'New story' }).click();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await page.getByLabel('Headline').fill('Tide tables move online');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });

  // The session ends behind the editor's back (expired, or logged out in another tab).
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  expect((await page.request.delete('/api/session', { headers: { 'x-csrf-token': csrfToken } })).status()).toBe(204);

  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.type('Words typed after the session ended.');
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  // The editor is still there underneath, with the words in it.
  await expect(page.getByRole('textbox', { name: 'Story body', includeHidden: true })).toContainText('Words typed after the session ended.');

  await dialog.getByLabel('Password').fill(TEST_ACCOUNTS.reporter.password);
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  const saved = await storyFromApi(page, id);
  expect(saved.body.content?.[0].content?.[0].text).toBe('Words typed after the session ended.');
});
