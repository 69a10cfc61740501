import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button';
import { TextAreaField, TextField } from '../../../components/ui/Field';
import { NOTE_MAX } from '../../../domain/story/limits';
import dialogStyles from '../../../components/ui/Dialog.module.css';

export interface DialogRequest {
  title: string;
  confirmLabel: string;
  /** Ask for a note (required), e.g. when sending back or correcting. */
  noteLabel?: string;
  /** Ask for a date and time, when scheduling. */
  askTime?: boolean;
}

interface TransitionDialogProps {
  request: DialogRequest;
  pending: boolean;
  /** What the server said when the move failed: shown here, with what was typed kept. */
  failure: string | null;
  onConfirm: (values: { note?: string; scheduledAt?: string }) => void;
  onCancel: () => void;
}

/** A modal asking what a move needs: a note for the author, or the time to publish. */
export function TransitionDialog({ request, pending, failure, onConfirm, onCancel }: TransitionDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // close() (not just removal) hands focus back to where it was before the dialog opened.
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.noteLabel && !note.trim()) return setError('Write a note: the author sees it.');
    if (request.askTime) {
      const at = new Date(time);
      if (!time || Number.isNaN(at.getTime())) return setError('Choose the date and time to publish.');
      if (at.getTime() < Date.now() + 60_000) return setError('Choose a time at least a minute from now.');
      return onConfirm({ scheduledAt: at.toISOString() });
    }
    onConfirm(request.noteLabel ? { note: note.trim() } : {});
  };

  return (
    <dialog ref={dialog} className={dialogStyles.dialog} aria-labelledby="transition-title" onCancel={onCancel}>
      <form className={dialogStyles.form} onSubmit={submit} noValidate>
        <h2 id="transition-title" className={dialogStyles.title}>
          {request.title}
        </h2>
        {request.noteLabel && (
          <TextAreaField label={request.noteLabel} rows={4} maxLength={NOTE_MAX} value={note} error={error} autoFocus onChange={(e) => setNote(e.target.value)} />
        )}
        {request.askTime && (
          <TextField label="Publish at" type="datetime-local" value={time} error={error} autoFocus onChange={(e) => setTime(e.target.value)} />
        )}
        {failure && (
          <p role="alert" style={{ margin: 0, color: 'var(--color-danger)' }}>
            {failure}
          </p>
        )}
        <div className={dialogStyles.actions}>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Working…' : request.confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
