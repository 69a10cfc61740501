import { StatusBadge } from '../../../components/ui/StatusBadge';
import { STATUS_LABELS } from '../../../domain/story/status';
import { dateTime, timeAgo } from '../../../lib/format';
import { useStoryEvents } from '../api/get-story-events';
import styles from './Workflow.module.css';

/** The story's log: who moved it where and when, with the notes. */
export function StoryLog({ storyId, headingClass, sectionClass }: { storyId: string; headingClass: string; sectionClass: string }) {
  const events = useStoryEvents(storyId);
  return (
    <section aria-labelledby="story-log-title" className={sectionClass}>
      <h2 id="story-log-title" className={headingClass}>
        Log
      </h2>
      {events.isPending ? (
        <p className={styles.muted}>Loading…</p>
      ) : events.isError ? (
        <p className={styles.muted}>Could not load the log: {events.error.message}</p>
      ) : events.data.length === 0 ? (
        <p className={styles.muted}>Not moved yet.</p>
      ) : (
        <ol className={styles.log}>
          {[...events.data].reverse().map((event) => (
            <li key={event.id}>
              {event.kind === 'correction' ? (
                <strong>Correction published</strong>
              ) : (
                <>
                  <StatusBadge status={event.to} /> <span className={styles.muted}>from {STATUS_LABELS[event.from].toLowerCase()}</span>
                </>
              )}
              <br />
              <span className={styles.muted}>
                {event.actor.name}, <time dateTime={event.at} title={dateTime(event.at)}>{timeAgo(event.at)}</time>
              </span>
              {event.note && <span className={styles.logNote}>{event.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
