import type { Role } from '../../src/domain/auth/roles';

/** The accounts the browser tests log in with (created by the test server; never used elsewhere). */
export const TEST_ACCOUNTS: Record<Role, { email: string; name: string; password: string }> = {
  reporter: { email: 'reporter@e2e.example', name: 'Rosa Reporter', password: 'reporter-passphrase-1' },
  editor: { email: 'editor@e2e.example', name: 'Eddie Editor', password: 'editor-passphrase-22' },
  photo_editor: { email: 'photos@e2e.example', name: 'Pia Photo', password: 'photo-passphrase-333' },
  chief_editor: { email: 'chief@e2e.example', name: 'Chen Chief', password: 'chief-passphrase-4444' },
  admin: { email: 'admin@e2e.example', name: 'Ada Admin', password: 'admin-passphrase-55555' },
};
