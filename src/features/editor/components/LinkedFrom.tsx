import { Link } from 'react-router';
import { PanelHeading } from '../../../components/ui/Panel';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import { useBacklinks } from '../../stories/api/get-backlinks';
import styles from './StoryEditor.module.css';

/** "Linked from": the stories whose bodies point to this one (read-also blocks and links). */
export function LinkedFrom({ storyId }: { storyId: string }) {
  const backlinks = useBacklinks(storyId);
  return (
    <section aria-labelledby="linked-from-title" className={styles.panelSection}>
      <PanelHeading id="linked-from-title">Linked from</PanelHeading>
      {backlinks.isPending ? (
        <p className={styles.panelNote}>Loading…</p>
      ) : backlinks.isError ? (
        <p className={styles.panelNote}>Could not load: {backlinks.error.message}</p>
      ) : backlinks.data.length === 0 ? (
        <p className={styles.panelNote}>No story links here yet.</p>
      ) : (
        <ul className={styles.linkList}>
          {backlinks.data.map((story) => (
            <li key={story.id}>
              <Link to={`/stories/${story.id}`}>{story.headline || 'Untitled story'}</Link> <StatusBadge status={story.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
