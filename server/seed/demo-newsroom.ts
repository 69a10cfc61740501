import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../src/domain/auth/roles';
import type { SessionUser } from '../../src/domain/api/users';
import { validateDocument } from '../../src/domain/document/validate';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { countUsers } from '../db/repositories/users';
import { createAccount } from '../services/accounts';
import { defaultUploadLimits } from '../config';
import { PhotoStorage } from '../services/photo-storage';
import { uploadPhoto } from '../services/photos';
import { createStory } from '../services/stories';
import { demoPhotoBytes, DEMO_PHOTO } from './demo-photo';
import { demoBody } from './demo-body';
import { DEMO_STORIES } from './demo-stories';

/** One account per role. The people are invented. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; email: string; name: string }> = [
  { role: 'reporter', email: 'reporter@newsdesk.example', name: 'Maya Lindqvist' },
  { role: 'editor', email: 'editor@newsdesk.example', name: 'Daniel Achebe' },
  { role: 'photo_editor', email: 'photos@newsdesk.example', name: 'Lena Moreau' },
  { role: 'chief_editor', email: 'chief@newsdesk.example', name: 'Priya Raman' },
  { role: 'admin', email: 'admin@newsdesk.example', name: 'Sam Okoro' },
];

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export const DEMO_LOGINS_FILE = 'demo-logins.txt';

/** Any fixed number: PostgreSQL processes starting together take turns to seed. */
const SEED_LOCK = 7_262_011;

/**
 * On an empty database: creates the demo accounts with fresh random passwords and the demo
 * stories in their workflow states, all or nothing, and writes the logins file before the
 * transaction commits (no accounts whose passwords nobody knows). Returns the logins, or null
 * when the database was not empty.
 */
export async function seedDemoNewsroom(database: DatabaseHandle, dataDir: string): Promise<DemoLogin[] | null> {
  return inTransaction(database.db, async (trx) => {
    if (database.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if ((await countUsers(trx)) > 0) return null;

    const logins: DemoLogin[] = [];
    const byRole = new Map<Role, SessionUser>();
    for (const account of DEMO_ACCOUNTS) {
      const password = randomBytes(15).toString('base64url');
      const created = await createAccount(trx, null, { ...account, password });
      byRole.set(account.role, created);
      logins.push({ role: account.role, email: account.email, password });
    }

    const store = { db: trx, dialect: database.dialect };
    // One photo, drawn now, as the lead photo of the newest story; its words come from its XMP.
    const { photo } = await uploadPhoto(
      { db: trx, files: new PhotoStorage(dataDir), limits: defaultUploadLimits() },
      byRole.get('photo_editor')!,
      { fileName: DEMO_PHOTO.fileName, bytes: await demoPhotoBytes() },
    );
    const hour = 60 * 60 * 1000;
    // Oldest first, so the most recent story tops the list; a few hours apart, as a morning's work.
    const stories = [...DEMO_STORIES].reverse();
    for (const [index, demo] of stories.entries()) {
      const checked = validateDocument(demoBody(demo.body));
      if (!checked.ok) throw new Error(`Demo story "${demo.headline}" does not fit the schema: ${checked.problems[0].message}`);
      await createStory(
        store,
        byRole.get(demo.author)!,
        {
          headline: demo.headline,
          standfirst: demo.standfirst,
          byline: demo.byline,
          dateline: demo.dateline,
          section: demo.section,
          tags: demo.tags,
          seoTitle: demo.seoTitle,
          seoDescription: demo.seoDescription,
          leadPhoto: index === stories.length - 1 ? { photoId: photo.id, caption: photo.caption, credit: photo.credit, alt: photo.alt } : null,
          body: checked.doc,
        },
        { status: demo.status, now: new Date(Date.now() - (stories.length - index) * 3 * hour) },
      );
    }

    writeDemoLogins(dataDir, logins);
    return logins;
  });
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((login) => login.email.length));
  return logins.map((login) => `${login.role.padEnd(13)} ${login.email.padEnd(width)}  ${login.password}`).join('\n');
}

function writeDemoLogins(dataDir: string, logins: DemoLogin[]) {
  fs.mkdirSync(dataDir, { recursive: true });
  const text = `Newsdesk demo logins (created ${new Date().toISOString()})\n\n${formatDemoLogins(logins)}\n`;
  fs.writeFileSync(path.join(dataDir, DEMO_LOGINS_FILE), text, { mode: 0o600 });
}
