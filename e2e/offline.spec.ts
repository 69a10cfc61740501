import { expect, test } from '@playwright/test';
import type { Story } from '../src/domain/api/stories';
import { ApiSession } from './support/api';
import { logInAs, saved } from './support/session';

// This spec is about the service worker that lets the app open without a connection.
test.use({ serviceWorkers: 'allow' });

test('typing offline is kept on the device, survives a reload while still offline, and is saved once back online', async ({ page, context, baseURL }) => {
  const api = await ApiSession.logIn(baseURL!, 'reporter');
  const story: Story = await api.createStory({
    headline: 'Storm closes the coast road',
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'The road closed at noon.' }] }] },
  });

  await logInAs(page, 'reporter');
  await page.goto(`/stories/${story.id}`);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await expect(body).toContainText('The road closed at noon.');
  // The offline shell is ready once the service worker controls the page (if not, say how far it got).
  const worker = () =>
    page.evaluate(async () => {
      if (navigator.serviceWorker.controller) return 'controls the page';
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) return 'not registered';
      if (registration.installing || registration.waiting) return 'installing';
      return registration.active ? `active (${registration.active.state}) but not controlling` : 'registered, its install failed';
    });
  await expect.poll(worker, { timeout: 15_000 }).toBe('controls the page');
  const status = page.getByRole('status').filter({ hasText: /Saved|Offline|Saving|Unsaved/ });

  await body.getByText('The road closed at noon.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Police');
  await saved(page);

  await context.setOffline(true);
  await page.keyboard.type(' turned drivers back.');
  await expect(status).toHaveText(/^Offline — \d+ changes kept on this device$/, { timeout: 15_000 });

  // Reload with no connection: the app opens from the device, with the words typed offline.
  await page.reload();
  await expect(body).toContainText('The road closed at noon. Police turned drivers back.', { timeout: 15_000 });
  await expect(status).toHaveText(/^Offline — \d+ changes? kept on this device$/, { timeout: 15_000 });

  await context.setOffline(false);
  await saved(page);
  const onServer = await (await page.request.get(`/api/stories/${story.id}`)).json();
  expect(JSON.stringify(onServer.body)).toContain('The road closed at noon. Police turned drivers back.');
  await api.dispose();
});
