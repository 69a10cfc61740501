export const ROLES = ['reporter', 'editor', 'photo_editor', 'chief_editor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  reporter: 'Reporter',
  editor: 'Editor',
  photo_editor: 'Photo editor',
  chief_editor: 'Chief editor',
  admin: 'Administrator',
};
