import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import type { ChecklistFailedDetails, Story } from '../../../domain/api/stories';
import type { SessionUser } from '../../../domain/api/users';
import { allowedTransitions, can } from '../../../domain/auth/permissions';
import { STATUS_LABELS } from '../../../domain/story/status';
import type { Transition } from '../../../domain/story/workflow';
import { ApiError } from '../../../lib/api-client';
import { usePublishUpdate, useTransitionStory } from '../api/transition-story';
import { TransitionDialog, type DialogRequest } from './TransitionDialog';
import styles from './Workflow.module.css';

interface WorkflowOptions {
  story: Story;
  user: SessionUser;
  /** Saves what is typed first: a story moves on with its latest words. */
  flush: () => Promise<boolean>;
  /** Shows a checklist problem in the story (a field, or a linked story's block). */
  goTo: (target: string) => void;
}

type Pending = { kind: 'transition'; transition: Transition } | { kind: 'update' };

/**
 * The workflow moves this user may make on this story, as buttons; the dialog a move needs;
 * and what went wrong (the publish checklist's failed items, each with a way to the problem).
 */
export function useWorkflow({ story, user, flush, goTo }: WorkflowOptions): { actions: ReactNode; dialog: ReactNode; problems: ReactNode } {
  const transition = useTransitionStory();
  const update = usePublishUpdate();
  const [dialog, setDialog] = useState<{ pending: Pending; request: DialogRequest; failure: string | null } | null>(null);
  const [problem, setProblem] = useState<ReactNode>(null);
  const [announcement, setAnnouncement] = useState('');
  const problemRef = useRef<HTMLDivElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const [focusMoves, setFocusMoves] = useState(0);
  useEffect(() => {
    if (focusMoves > 0) group.current?.focus();
  }, [focusMoves]);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'checklist_failed') {
      const { items } = error.details as ChecklistFailedDetails;
      setProblem(
        <>
          <strong>Not yet: the publish checklist is not complete.</strong>
          <ul className={styles.problems}>
            {items.map((item) => (
              <li key={item.id}>
                {item.problem ?? item.label}
                {item.target && (
                  <button type="button" className={styles.linkButton} onClick={() => goTo(item.target!)}>
                    Show me
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>,
      );
    } else {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    requestAnimationFrame(() => problemRef.current?.focus());
  };

  const run = async (pending: Pending, values: { note?: string; scheduledAt?: string }) => {
    setProblem(null);
    if (!(await flush())) {
      setDialog(null);
      return fail(new Error('Your latest changes are not saved yet; the story was not moved. Try again once it says “Saved”.'));
    }
    const done = (moved: Story) => {
      setDialog(null);
      setAnnouncement(pending.kind === 'update' ? 'The update is live.' : `The story is now ${STATUS_LABELS[moved.status].toLowerCase()}.`);
      // The button just used is gone with the old state: keep focus among the moves (after the
      // dialog, if any, has closed and handed focus back).
      setFocusMoves((count) => count + 1);
    };
    const failed = (error: unknown) => {
      // A refused move with a dialog open stays in the dialog, with what was typed.
      const simple = !(error instanceof ApiError && error.code === 'checklist_failed');
      if (dialog && simple) setDialog((current) => current && { ...current, failure: error instanceof Error ? error.message : String(error) });
      else {
        setDialog(null);
        fail(error);
      }
    };
    if (pending.kind === 'update') {
      update.mutate({ id: story.id, note: values.note ?? '' }, { onSuccess: done, onError: failed });
    } else {
      transition.mutate({ id: story.id, input: { to: pending.transition.to, ...values } }, { onSuccess: done, onError: failed });
    }
  };

  const start = (pending: Pending) => {
    if (pending.kind === 'update') {
      setDialog({ pending, failure: null, request: { title: 'Publish the update', confirmLabel: 'Publish update', noteLabel: 'What does this correction change? Readers see this under “Corrections”.' } });
      return;
    }
    const { transition: move } = pending;
    if (move.requiresNote) {
      setDialog({ pending, failure: null, request: { title: `${move.label}`, confirmLabel: move.label, noteLabel: 'Note for the author: what needs doing?' } });
    } else if (move.requiresTime) {
      setDialog({ pending, failure: null, request: { title: 'Schedule publication', confirmLabel: 'Schedule', askTime: true } });
    } else {
      void run(pending, {});
    }
  };

  const busy = transition.isPending || update.isPending;
  const moves = allowedTransitions(user, story);
  const updateWaiting = story.status === 'published' && story.liveRevision !== null && story.revision > story.liveRevision;
  const actions = (
    <div className={styles.actions} role="group" aria-label="Workflow" ref={group} tabIndex={-1}>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      {moves.map((move) => (
        <Button
          key={move.to}
          size="small"
          variant={move.to === 'spiked' ? 'danger' : move.requiresNote ? 'default' : 'primary'}
          aria-disabled={busy || undefined}
          onClick={() => !busy && start({ kind: 'transition', transition: move })}
        >
          {move.label}
        </Button>
      ))}
      {updateWaiting && can(user, 'story:publishUpdate', story) && (
        <Button size="small" variant="primary" aria-disabled={busy || undefined} onClick={() => !busy && start({ kind: 'update' })}>
          Publish update
        </Button>
      )}
    </div>
  );

  return {
    actions,
    dialog: dialog && (
      <TransitionDialog
        request={dialog.request}
        pending={busy}
        failure={dialog.failure}
        onCancel={() => setDialog(null)}
        onConfirm={(values) => void run(dialog.pending, values)}
      />
    ),
    problems: problem && (
      <Alert tone="error" ref={problemRef}>
        {problem}
      </Alert>
    ),
  };
}
