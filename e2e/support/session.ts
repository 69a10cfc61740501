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
