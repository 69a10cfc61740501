import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Loading } from '../../../components/ui/Loading';
import type { Story } from '../../../domain/api/stories';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../auth/current-user';
import { useStory } from '../../stories/api/get-story';
import { storyKeys } from '../../stories/api/query-keys';
import { readOrphanedJournal, type JournalEntry } from '../../../lib/journal';
import { StoryEditor, type PendingChanges } from './StoryEditor';

interface EditingSession {
  /** The story as it was when editing began: the editor's starting point, taken once. */
  story: Story;
  /** Changes not yet saved: restored from the journal, or chosen in a conflict. */
  pending?: PendingChanges;
  /** Bumped to start afresh from the server's copy after a conflict. */
  generation: number;
}

/** The story as the editor starts it: the server's copy with the unsaved changes on top. */
function session(story: Story, pending: PendingChanges | undefined, generation: number): EditingSession {
  return { story: pending ? { ...story, ...pending.changes } : story, pending, generation };
}

/**
 * Loads the story fresh from the server (never a cached copy: someone may have saved since),
 * then hands it to the editor, which owns the working copy from then on.
 */
export function StoryEditorPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const story = useStory(id);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<EditingSession | null>(null);

  // Opening another story (or this one afresh) takes a new starting point, with what the
  // journal on this device kept of changes the server never got (a crash, a closed tab, offline).
  const fresh = story.isFetchedAfterMount && story.data?.id === id;
  const [journalRead, setJournalRead] = useState<{ id: string; found: { key: string; entry: JournalEntry } | undefined } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void readOrphanedJournal(user.id, id).then((found) => {
      if (!cancelled) setJournalRead({ id, found });
    });
    return () => {
      cancelled = true;
    };
  }, [user.id, id]);
  if (fresh && journalRead?.id === id && editing?.story.id !== id) {
    const found = journalRead.found;
    setEditing(
      session(story.data!, found && { baseRevision: found.entry.baseRevision, changes: found.entry.changes, count: found.entry.count, journalKey: found.key }, 0),
    );
  }

  if (story.isError) {
    const notFound = story.error instanceof ApiError && story.error.status === 404;
    return (
      <main id="main" style={{ padding: 'var(--space-5)' }}>
        <title>Story not found — Newsdesk</title>
        <Alert tone="error">{notFound ? 'There is no story at this address, or you cannot see it.' : `Could not open the story: ${story.error.message}`}</Alert>
        <p>
          <Link to="/stories">Back to the stories</Link>
        </p>
      </main>
    );
  }
  if (!editing || editing.story.id !== id || !story.data) return <Loading label="Opening story…" />;
  return (
    <StoryEditor
      key={`${id}:${editing.generation}`}
      initial={editing.story}
      pending={editing.pending}
      confirmed={story.data}
      user={user}
      autoFocus={editing.generation > 0}
      onReload={(server, pending) => {
        queryClient.setQueryData(storyKeys.detail(id), server);
        setEditing(session(server, pending, editing.generation + 1));
      }}
    />
  );
}
