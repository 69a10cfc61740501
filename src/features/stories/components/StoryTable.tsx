import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { prefetchEditorScreen, prefetchEditorScreenWhenIdle } from '../../editor/load-editor-screen';
import { storyQueryOptions } from '../api/get-story';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import type { StorySummary } from '../../../domain/api/stories';
import { sectionLabel } from '../../../domain/story/sections';
import { dateTime, formatNumber, timeAgo } from '../../../lib/format';
import styles from './StoryListPage.module.css';

export function StoryTable({ stories, caption }: { stories: StorySummary[]; caption: string }) {
  // A click on a story should not wait for the editor's code: fetch it once the list is shown.
  useEffect(() => prefetchEditorScreenWhenIdle(), []);
  // The editor asks the server for the story afresh when it opens (never a cached copy); asked
  // here at the click, the request runs while the screen renders, and the editor's joins it.
  const queryClient = useQueryClient();
  const askForStory = (event: MouseEvent, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    queryClient.fetchQuery({ ...storyQueryOptions(id), staleTime: 0 }).catch(() => undefined);
  };
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col" className={styles.hideNarrow}>
            Byline
          </th>
          <th scope="col">Section</th>
          <th scope="col">Last change</th>
          <th scope="col" className={styles.numeric}>
            Words
          </th>
        </tr>
      </thead>
      <tbody>
        {stories.map((story) => (
          <tr key={story.id}>
            <td>
              <Link
                to={`/stories/${story.id}`}
                className={styles.headline}
                onPointerEnter={prefetchEditorScreen}
                onFocus={prefetchEditorScreen}
                onClick={(event) => askForStory(event, story.id)}
              >
                {story.headline || <span className={styles.untitled}>Untitled story</span>}
              </Link>
            </td>
            <td>
              <StatusBadge status={story.status} />
            </td>
            <td className={styles.hideNarrow}>{story.byline}</td>
            <td className={styles.muted}>{sectionLabel(story.section)}</td>
            <td className={styles.muted}>
              <time dateTime={story.updatedAt} title={dateTime(story.updatedAt)}>
                {timeAgo(story.updatedAt)}
              </time>
            </td>
            <td className={styles.numeric}>{formatNumber(story.wordCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
