import { useEffect } from 'react';
import { Link } from 'react-router';
import { prefetchEditorScreen, prefetchEditorScreenWhenIdle } from '../../editor/load-editor-screen';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import type { StorySummary } from '../../../domain/api/stories';
import { sectionLabel } from '../../../domain/story/sections';
import { dateTime, formatNumber, timeAgo } from '../../../lib/format';
import styles from './StoryListPage.module.css';

export function StoryTable({ stories, caption }: { stories: StorySummary[]; caption: string }) {
  // A click on a story should not wait for the editor's code: fetch it once the list is shown.
  useEffect(() => prefetchEditorScreenWhenIdle(), []);
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
              <Link to={`/stories/${story.id}`} className={styles.headline} onPointerEnter={prefetchEditorScreen} onFocus={prefetchEditorScreen}>
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
