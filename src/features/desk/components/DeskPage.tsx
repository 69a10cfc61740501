import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Loading } from '../../../components/ui/Loading';
import { useCurrentUser } from '../../auth/current-user';
import { useStoryList } from '../../stories/api/list-stories';
import pageStyles from '../../../components/ui/Page.module.css';
import styles from '../../stories/components/StoryListPage.module.css';
import { StoryTable } from '../../stories/components/StoryTable';
import { deskViews, type DeskView } from '../desk-views';

/** One view; when it is the page's only one, the page heading names it and it has none of its own. */
function DeskSection({ view, only }: { view: DeskView; only: boolean }) {
  const list = useStoryList(view.filters);
  const stories = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={only ? 'desk-title' : `desk-${view.id}`} style={{ marginBottom: 'var(--space-6)' }}>
      {!only && (
        <h2 id={`desk-${view.id}`} style={{ margin: '0 0 var(--space-1)', fontSize: 20 }}>
          {view.title}
        </h2>
      )}
      <p style={{ margin: '0 0 var(--space-3)', color: 'var(--color-text-muted)' }}>{view.description}</p>
      {list.isPending ? (
        <Loading label={`Loading ${view.title.toLowerCase()}…`} />
      ) : list.isError ? (
        <Alert tone="error">Could not load: {list.error.message}</Alert>
      ) : stories.length === 0 ? (
        <p className={styles.empty}>Nothing here right now.</p>
      ) : (
        <div className={styles.tableWrap}>
          <StoryTable stories={stories} caption={view.title} />
          {list.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** The views a role works from: "My stories", the desk, the approval queue. */
export function DeskPage() {
  const user = useCurrentUser();
  const views = deskViews(user.role);
  return (
    <main id="main" className={pageStyles.page}>
      <title>{`${views.length === 1 ? views[0].title : 'Desk'} — Newsdesk`}</title>
      <div className={pageStyles.header}>
        <h1 id="desk-title" className={pageStyles.title}>
          {views.length === 1 ? views[0].title : 'Desk'}
        </h1>
      </div>
      {views.length === 0 ? <p className={styles.empty}>There is no desk view for your role.</p> : views.map((view) => <DeskSection key={view.id} view={view} only={views.length === 1} />)}
    </main>
  );
}
