import { useEffect, useRef } from 'react';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Loading } from '../../../components/ui/Loading';
import { useCreateStory } from '../api/create-story';

/** Creates a draft at once and opens it in the editor: a new story is never more than one click away. */
export function NewStoryPage() {
  const create = useCreateStory();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    create.mutate({});
  }, [create]);

  if (create.isSuccess) return <Navigate to={`/stories/${create.data.id}`} replace />;
  if (create.isError) {
    return (
      <main id="main" style={{ padding: 'var(--space-5)' }}>
        <Alert tone="error">Could not create a story: {create.error.message}</Alert>
        <p>
          <Link to="/stories">Back to the stories</Link>
        </p>
      </main>
    );
  }
  return <Loading label="Creating a story…" />;
}
