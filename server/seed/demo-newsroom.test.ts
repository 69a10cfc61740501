import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListResponse } from '../../src/domain/api/stories';
import { ROLES } from '../../src/domain/auth/roles';
import { startTestApp, testDialects, type TestApp } from '../test/harness';
import { DEMO_LOGINS_FILE, seedDemoNewsroom } from './demo-newsroom';
import { DEMO_PHOTO } from './demo-photo';
import { DEMO_STORIES } from './demo-stories';

describe.each(testDialects())('demo newsroom on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('does nothing to a database that already has accounts', async () => {
    expect(await seedDemoNewsroom(t.database, t.config.dataDir)).toBeNull();
  });

  it('seeds one account per role with working random passwords, and the demo stories in their states', async () => {
    const fresh = await startTestApp(dialect);
    try {
      await fresh.database.db.deleteFrom('story_revisions').execute();
      await fresh.database.db.deleteFrom('story_authors').execute();
      await fresh.database.db.deleteFrom('stories').execute();
      await fresh.database.db.deleteFrom('sessions').execute();
      await fresh.database.db.deleteFrom('users').execute();

      const logins = (await seedDemoNewsroom(fresh.database, fresh.config.dataDir))!;
      expect(logins.map((login) => login.role)).toEqual([...ROLES]);
      expect(new Set(logins.map((login) => login.password)).size).toBe(logins.length);

      const file = fs.readFileSync(path.join(fresh.config.dataDir, DEMO_LOGINS_FILE), 'utf8');
      for (const login of logins) expect(file).toMatch(new RegExp(`${login.role} +${login.email.replace(/\./g, '\\.')} +${login.password}`));
      expect(fs.statSync(path.join(fresh.config.dataDir, DEMO_LOGINS_FILE)).mode & 0o077).toBe(0);

      const chief = fresh.anonymous();
      const chiefLogin = logins.find((login) => login.role === 'chief_editor')!;
      expect((await chief.logIn(chiefLogin.email, chiefLogin.password)).statusCode).toBe(200);
      const list = (await chief.get('/api/stories')).json() as StoryListResponse;
      expect(list.items.map((story) => [story.headline, story.status])).toEqual(DEMO_STORIES.map((story) => [story.headline, story.status]));
      const published = list.items.filter((story) => story.status === 'published');
      for (const story of published) {
        expect(story.liveRevision).toBe(1);
        expect(story.publishedAt).toEqual(expect.any(String));
      }
      const first = (await chief.get(`/api/stories/${list.items[0].id}`)).json();
      expect(first.wordCount).toBeGreaterThan(200);
      // The newest story has a lead photo, drawn at seed time, with its words from the file.
      expect(first.leadPhoto).toMatchObject({ caption: DEMO_PHOTO.caption, credit: DEMO_PHOTO.credit, alt: DEMO_PHOTO.alt });
      const photo = (await chief.get(`/api/photos/${first.leadPhoto.photoId}`)).json();
      expect(photo).toMatchObject({ width: 1800, height: 1200, caption: DEMO_PHOTO.caption, originalName: DEMO_PHOTO.fileName });
      expect((await chief.get(`/media/photos/${photo.id}/1024.webp`)).statusCode).toBe(200);
      expect(list.items.filter((story) => story.leadPhoto)).toHaveLength(1);
      expect(first.body.content.some((block: { type: string }) => block.type === 'heading')).toBe(true);
      expect((await chief.get('/api/stories?q=seagrass')).json().items).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('demo stories', () => {
  it('are in the shape of a wire story: headline, standfirst, agency byline, dateline, quotes, a subheading', () => {
    for (const story of DEMO_STORIES) {
      expect(story.headline.length).toBeGreaterThan(10);
      expect(story.standfirst.length).toBeGreaterThan(20);
      expect(story.byline).toBeTruthy();
      expect(story.dateline).toMatch(/^[A-Z][A-Z .'-]+$/);
      expect(story.body.some((block) => 'p' in block && /[“"]/.test(block.p))).toBe(true);
      if (story.status !== 'draft') expect(story.body.some((block) => 'h2' in block)).toBe(true);
    }
  });
});
