import { request, type APIRequestContext } from '@playwright/test';
import type { Story } from '../../src/domain/api/stories';
import type { Role } from '../../src/domain/auth/roles';
import { TEST_ACCOUNTS } from './accounts';

/** A second person working through the API at the same time as the browser under test. */
export class ApiSession {
  private constructor(
    private readonly context: APIRequestContext,
    private readonly csrfToken: string,
  ) {}

  static async logIn(baseURL: string, role: Role): Promise<ApiSession> {
    return ApiSession.logInWith(baseURL, TEST_ACCOUNTS[role]);
  }

  /** Logs in with any account's email and password. */
  static async logInWith(baseURL: string, { email, password }: { email: string; password: string }): Promise<ApiSession> {
    const context = await request.newContext({ baseURL });
    const response = await context.post('/api/session', { data: { email, password } });
    if (!response.ok()) throw new Error(`login as ${email} failed: ${response.status()}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new ApiSession(context, csrfToken);
  }

  /** Any JSON call: the answer's status and body, whatever they are. */
  async call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<{ status: number; body: any }> {
    const response = await this.context.fetch(url, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken } });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : null };
  }

  async createStory(fields: Record<string, unknown>): Promise<Story> {
    const response = await this.context.post('/api/stories', { data: fields, headers: { 'x-csrf-token': this.csrfToken } });
    if (response.status() !== 201) throw new Error(`create failed: ${response.status()} ${await response.text()}`);
    return (await response.json()) as Story;
  }

  async saveStory(story: Story, changes: Record<string, unknown>): Promise<Story> {
    const response = await this.context.patch(`/api/stories/${story.id}`, {
      data: changes,
      headers: { 'x-csrf-token': this.csrfToken, 'if-match': `"${story.revision}"` },
    });
    if (!response.ok()) throw new Error(`save failed: ${response.status()} ${await response.text()}`);
    return (await response.json()) as Story;
  }

  async transition(story: Story, to: string, extra: Record<string, unknown> = {}): Promise<Story> {
    const response = await this.context.post(`/api/stories/${story.id}/transitions`, { data: { to, ...extra }, headers: { 'x-csrf-token': this.csrfToken } });
    if (!response.ok()) throw new Error(`move to ${to} failed: ${response.status()} ${await response.text()}`);
    return (await response.json()) as Story;
  }

  /** Uploads an image to the photo library (multipart, field `file`). */
  async uploadPhoto(name: string, bytes: Buffer): Promise<{ id: string }> {
    const response = await this.context.post('/api/photos', {
      multipart: { file: { name, mimeType: 'image/jpeg', buffer: bytes } },
      headers: { 'x-csrf-token': this.csrfToken },
    });
    if (!response.ok()) throw new Error(`upload failed: ${response.status()} ${await response.text()}`);
    return (await response.json()) as { id: string };
  }

  async dispose() {
    await this.context.dispose();
  }
}
