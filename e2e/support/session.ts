import { expect, type Page } from '@playwright/test';
import type { Role } from '../../src/domain/auth/roles';
import { TEST_ACCOUNTS } from './accounts';

/** Logs in through the login form, as a person would. */
export async function logInAs(page: Page, role: Role) {
  const account = TEST_ACCOUNTS[role];
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Logs out and in again as someone else, through the forms. */
export async function switchTo(page: Page, role: Role) {
  await page.getByRole('link', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const account = TEST_ACCOUNTS[role];
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** The editor's status line says everything typed is on the server. */
export const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
