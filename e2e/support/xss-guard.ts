import type { BrowserContext, Page } from '@playwright/test';
import { XSS_HOST } from '../../server/test/xss-corpus';

/**
 * Watches a browser context for any sign that injected content ran or loaded: a dialog (alert,
 * confirm, prompt, beforeunload), a console error (a script refused by the Content-Security-
 * Policy logs one), a `securitypolicyviolation` event, an uncaught page error, or a request to
 * any host but the app's own. Requests elsewhere are blocked as well as reported.
 */
export class InjectionGuard {
  readonly problems: string[] = [];

  private constructor(private readonly appHost: string) {}

  static async watch(context: BrowserContext, baseURL: string): Promise<InjectionGuard> {
    const guard = new InjectionGuard(new URL(baseURL).host);
    await context.route(
      (url) => url.host !== guard.appHost,
      async (route) => {
        guard.problems.push(`request to an unexpected host: ${route.request().url()}`);
        await route.abort('blockedbyclient');
      },
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sample})`);
      });
    });
    context.on('page', (page) => guard.attach(page));
    for (const page of context.pages()) guard.attach(page);
    return guard;
  }

  private attach(page: Page) {
    page.on('dialog', (dialog) => {
      this.problems.push(`${dialog.type()} dialog on ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // The app's own API answering 4xx (401 before logging in, 404 for a missing story) is not an injection.
      const source = message.location().url;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && source && new URL(source).host === this.appHost) return;
      this.problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on('request', (request) => {
      if (request.url().includes(XSS_HOST)) this.problems.push(`request for ${request.url()} from ${page.url()}`);
    });
  }
}
