import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Loading } from '../../../components/ui/Loading';
import type { Story } from '../../../domain/api/stories';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../auth/current-user';
import { useStory } from '../../stories/api/get-story';
import { storyKeys } from '../../stories/api/query-keys';
import { StoryEditor } from './StoryEditor';

interface EditingSession {
  /** The story as it was when editing began: the editor's starting point, taken once. */
  story: Story;
  /** Bumped to start afresh from the server's copy after a conflict. */
  generation: number;
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

  // Opening another story (or this one afresh) takes a new starting point.
  const fresh = story.isFetchedAfterMount && story.data?.id === id;
  if (fresh && editing?.story.id !== id) setEditing({ story: story.data!, generation: 0 });

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
      confirmed={story.data}
      user={user}
      autoFocus={editing.generation > 0}
      onReload={(server) => {
        queryClient.setQueryData(storyKeys.detail(id), server);
        setEditing({ story: server, generation: editing.generation + 1 });
      }}
    />
  );
}
