import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button, buttonClass } from '../../../components/ui/Button';
import { Loading } from '../../../components/ui/Loading';
import { can } from '../../../domain/auth/permissions';
import { SECTION_KEYS } from '../../../domain/story/sections';
import { STORY_STATUSES } from '../../../domain/story/status';
import { useCurrentUser } from '../../auth/current-user';
import { useStoryList } from '../api/list-stories';
import type { StoryListFilters } from '../api/query-keys';
import { StoryFilters } from './StoryFilters';
import pageStyles from '../../../components/ui/Page.module.css';
import styles from './StoryListPage.module.css';
import { StoryTable } from './StoryTable';

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The story list: filters live in the address, so a search can be reloaded, bookmarked and shared. */
export function StoryListPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters: StoryListFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      status: pick(params.get('status'), STORY_STATUSES),
      section: pick(params.get('section'), SECTION_KEYS),
    }),
    [params],
  );
  const setFilters = useCallback(
    (next: StoryListFilters) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
      setParams(search, { replace: true });
    },
    [setParams],
  );

  const list = useStoryList(filters);
  const stories = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.status || filters.section);

  return (
    <main id="main" className={pageStyles.page}>
      <title>Stories — Newsdesk</title>
      <div className={pageStyles.header}>
        <h1 className={pageStyles.title}>Stories</h1>
        {can(user, 'story:create') && (
          <div className={styles.newStory}>
            <Link to="/stories/import" className={buttonClass()}>
              New from wire copy
            </Link>
            <Link to="/stories/new" className={buttonClass('primary')}>
              New story
            </Link>
          </div>
        )}
      </div>
      <StoryFilters filters={filters} onChange={setFilters} />
      {list.isPending ? (
        <Loading label="Loading stories…" />
      ) : list.isError ? (
        <Alert tone="error">Could not load stories: {list.error.message}</Alert>
      ) : stories.length === 0 ? (
        <p className={styles.empty} role="status">
          {filtered ? 'No stories match these filters.' : 'No stories yet. Start one with “New story”.'}
        </p>
      ) : (
        <div className={styles.tableWrap}>
          <StoryTable stories={stories} caption={filtered ? 'Stories matching the filters' : 'All stories, latest change first'} />
          {list.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more stories'}
              </Button>
            </div>
          )}
        </div>
      )}
    </main>
  );
}
