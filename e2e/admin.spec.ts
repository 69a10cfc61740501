import { expect, test } from '@playwright/test';
import { logInAs } from './support/session';

test('an administrator creates an account, and the new person can log in', async ({ page }) => {
  const email = `new.reporter.${Date.now()}@e2e.example`;
  const password = 'a long first password';
  await logInAs(page, 'admin');
  await expect(page).toHaveURL(/\/admin\/users$/);

  await page.getByLabel('Name').fill('Nadia Newcomer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('reporter');
  await page.getByLabel('First password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`Created Nadia Newcomer (${email}) as reporter.`)).toBeVisible();
  await expect(page.getByRole('row', { name: /Nadia Newcomer/ })).toBeVisible();

  await page.getByRole('link', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Stories' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Nadia Newcomer')).toBeVisible();
});

test('an administrator changes a role and disables an account, which can then no longer log in', async ({ page }) => {
  const email = `leaving.${Date.now()}@e2e.example`;
  await logInAs(page, 'admin');
  await page.getByLabel('Name').fill('Lee Leaving');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('First password').fill('another long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('row', { name: /Lee Leaving/ })).toBeVisible();

  await page.getByLabel('Role of Lee Leaving').selectOption('editor');
  await page.getByRole('button', { name: 'Save role of Lee Leaving' }).click();
  await expect(page.getByRole('button', { name: 'Save role of Lee Leaving' })).toBeHidden();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Disable Lee Leaving?');
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Disable Lee Leaving' }).click();
  await expect(page.getByRole('row', { name: /Lee Leaving/ })).toContainText('Disabled');
  await page.reload();
  await expect(page.getByRole('row', { name: /Lee Leaving/ })).toContainText('Disabled');
  await expect(page.getByLabel('Role of Lee Leaving')).toHaveValue('editor');

  await page.getByRole('link', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password');
});
