import { expect, test } from '@playwright/test';
import { TEST_ACCOUNTS } from './support/accounts';
import { logInAs } from './support/session';

test('a wrong password shows one generic error and keeps the person on the login page', async ({ page }) => {
  await page.goto('/stories');
  await expect(page).toHaveURL(/\/login\?next=%2Fstories/);
  await page.getByLabel('Email').fill(TEST_ACCOUNTS.reporter.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password');
  await expect(page).toHaveURL(/\/login/);

  // An unknown email gets exactly the same answer.
  await page.getByLabel('Email').fill('nobody@e2e.example');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password');
});

test('a reporter logs in, lands on the stories, and logs out', async ({ page }) => {
  await logInAs(page, 'reporter');
  await expect(page).toHaveURL(/\/stories$/);
  await expect(page.getByRole('heading', { name: 'Stories' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(TEST_ACCOUNTS.reporter.name)).toBeVisible();

  await page.getByRole('link', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/stories');
  await expect(page).toHaveURL(/\/login/);
});
