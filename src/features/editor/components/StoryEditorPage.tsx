import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Loading } from '../../../components/ui/Loading';
import type { Story } from '../../../domain/api/stories';
import { ApiError } from '../../../lib/api-client';
import { useSession } from '../../auth/api/get-session';
import { useStory } from '../../stories/api/get-story';
import { storyKeys } from '../../stories/api/query-keys';
import { StoryEditor } from './StoryEditor';

/** Loads the story, then hands it to the editor, which owns the working copy from then on. */
export function StoryEditorPage() {
  const { id = '' } = useParams();
  const { data: session } = useSession();
  const story = useStory(id);
  const queryClient = useQueryClient();
  // The story the editor started from, and a generation to start afresh after a conflict.
  const [start, setStart] = useState<{ story: Story; generation: number } | null>(null);

  if (story.isPending) return <Loading label="Opening story…" />;
  if (story.isError) {
    const notFound = story.error instanceof ApiError && story.error.status === 404;
    return (
      <main id="main" style={{ padding: 'var(--space-5)' }}>
        <Alert tone="error">{notFound ? 'There is no story at this address, or you cannot see it.' : `Could not open the story: ${story.error.message}`}</Alert>
        <p>
          <Link to="/stories">Back to the stories</Link>
        </p>
      </main>
    );
  }
  const initial = start?.story.id === id ? start.story : story.data;
  const generation = start?.story.id === id ? start.generation : 0;
  return (
    <StoryEditor
      key={`${id}:${generation}`}
      initial={initial}
      confirmed={story.data}
      user={session!.user}
      onReload={(server) => {
        queryClient.setQueryData(storyKeys.detail(id), server);
        setStart({ story: server, generation: generation + 1 });
      }}
    />
  );
}
