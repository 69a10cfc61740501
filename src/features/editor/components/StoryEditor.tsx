import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Link, useBlocker } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { panelHeadingClass } from '../../../components/ui/Panel';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import { oneLine } from '../../../domain/api/one-line';
import type { Photo } from '../../../domain/api/photos';
import type { ConflictDetails, Story } from '../../../domain/api/stories';
import type { SessionUser } from '../../../domain/api/users';
import { can } from '../../../domain/auth/permissions';
import { readingMinutes } from '../../../domain/document/text';
import type { DocumentJSON } from '../../../domain/document/types';
import type { LeadPhoto, StoryFields } from '../../../domain/story/fields';
import { fieldsOf } from '../../../domain/story/fields-of';
import { mergeStories, sameJSON, type MergeResult } from '../../../domain/story/merge';
import { STORY_LIMITS } from '../../../domain/story/limits';
import { findTransition } from '../../../domain/story/workflow';
import { dateTime, formatNumber } from '../../../lib/format';
import { useAfterFirstPaint } from '../../../lib/use-after-first-paint';
import { PhotoPicker } from '../../photos/components/PhotoPicker';
import { UploadList } from '../../photos/components/UploadList';
import { useUploadQueue } from '../../photos/hooks/useUploadQueue';
import { deleteJournalEntry, holdEditorLock } from '../../../lib/journal';
import { leaveStory, useHeartbeat } from '../../presence/api/heartbeat';
import { PresenceList } from '../../presence/components/PresenceList';
import { useRestoreRevision } from '../../revisions/api/restore-revision';
import { HistoryPanel } from '../../revisions/components/HistoryPanel';
import { getStory } from '../../stories/api/get-story';
import { storyKeys } from '../../stories/api/query-keys';
import { editorSetup } from '../editor-extensions';
import { useAutosave } from '../hooks/useAutosave';
import { useWordCount } from '../hooks/useWordCount';
import type { FieldName } from '../model/autosave';
import { figureRange, insertFigure, leadPhotoFor, trackPosition } from '../model/figures';
import { InOrder } from '../model/in-order';
import { bodyJSON } from '../model/body-json';
import { ServerBodies } from '../model/server-bodies';
import { REMOTE_CHANGE_META, takeInBody, takeInValue } from '../model/take-in';
import { ConflictResolver } from './ConflictResolver';
import { useEditorChrome } from '../store';
import bodyStyles from './BodyEditor.module.css';
import { EditorPopover } from './EditorPopover';
import { LeadPhotoPanel, LeadPhotoPreview } from './LeadPhotoPanel';
import { LinkEditor } from './LinkEditor';
import { LinkedFrom } from './LinkedFrom';
import { parseTags, tagsProblem } from '../model/tags';
import { MetadataPanel, type MetadataValues } from './MetadataPanel';
import { ReadAlsoPicker } from './ReadAlsoPicker';
import { SaveStatus } from './SaveStatus';
import styles from './StoryEditor.module.css';
import { Toolbar } from './Toolbar';
import { useStoryEvents } from '../../workflow/api/get-story-events';
import { PendingChanges } from '../../workflow/components/PendingChanges';
import { StoryLog } from '../../workflow/components/StoryLog';
import { useWorkflow } from '../../workflow/components/useWorkflow';

/** Changes waiting to be saved, made on `baseRevision`. */
export interface PendingChanges {
  baseRevision: number;
  changes: Partial<StoryFields>;
  /** How many edits they hold (from the journal), for the status line. */
  count?: number;
  /** The journal entry they came from (a closed editor's): it goes once this editor has journaled them. */
  journalKey?: string;
}

interface StoryEditorProps {
  /** The story as loaded; the editor owns the working copy from here on. */
  initial: Story;
  /** The story as the server last confirmed it (revision, status, slug). */
  confirmed: Story;
  user: SessionUser;
  /** Throw away the working copy and start again from this story, with these changes still to save (after a conflict or a restore). */
  onReload: (story: Story, pending?: PendingChanges) => void;
  /** Changes made here before (kept in the journal, or chosen in a conflict) that the server does not have yet. */
  pending?: PendingChanges;
  /** Put the cursor in the body at once (when starting again after a conflict). */
  autoFocus?: boolean;
}

const STORY_FIELDS: FieldName[] = ['headline', 'standfirst', 'byline', 'dateline', 'section', 'tags', 'seoTitle', 'seoDescription', 'leadPhoto', 'body'];

/** The writing surface: headline, standfirst and body on the canvas; details beside it. */
export function StoryEditor({ initial, confirmed, user, onReload, pending, autoFocus = false }: StoryEditorProps) {
  // The text is the author's and the desk's; the photo desk changes photos, captions and credits.
  const readOnly = !can(user, 'story:edit', confirmed);
  const photosEditable = can(user, 'story:editPhotos', confirmed);
  const [photoDeskOnly] = useState(() => !can(user, 'story:edit', initial) && can(user, 'story:editPhotos', initial));
  const [headline, setHeadline] = useState(initial.headline);
  const [leadPhoto, setLeadPhoto] = useState<LeadPhoto | null>(initial.leadPhoto);
  const [standfirst, setStandfirst] = useState(initial.standfirst);
  const [meta, setMeta] = useState<MetadataValues>({
    byline: initial.byline,
    dateline: initial.dateline,
    section: initial.section,
    tagsText: initial.tags.join(', '),
    seoTitle: initial.seoTitle,
    seoDescription: initial.seoDescription,
  });
  const popover = useEditorChrome((chrome) => chrome.popover);
  const openPopover = useEditorChrome((chrome) => chrome.openPopover);
  const closePopover = useEditorChrome((chrome) => chrome.closePopover);
  const detailsOpen = useEditorChrome((chrome) => chrome.detailsOpen);
  const toggleDetails = useEditorChrome((chrome) => chrome.toggleDetails);
  const photoPicker = useEditorChrome((chrome) => chrome.photoPicker);
  const setPhotoPicker = useEditorChrome((chrome) => chrome.setPhotoPicker);
  const standfirstRef = useRef<HTMLTextAreaElement>(null);

  // Set after the editor exists; the autosave reads the body through it at save time only.
  const readBody = useRef<() => DocumentJSON>(() => initial.body);
  const latest = useRef({ headline, standfirst, meta, leadPhoto });
  latest.current = { headline, standfirst, meta, leadPhoto };
  const read = useCallback(<F extends FieldName>(field: F): StoryFields[F] => {
    const { headline: h, standfirst: s, meta: m, leadPhoto: l } = latest.current;
    const values: StoryFields = {
      headline: h,
      standfirst: s,
      byline: m.byline,
      dateline: m.dateline,
      section: m.section,
      tags: parseTags(m.tagsText),
      seoTitle: m.seoTitle,
      seoDescription: m.seoDescription,
      leadPhoto: l,
      body: field === 'body' ? readBody.current() : initial.body,
    };
    return values[field];
  }, [initial.body]);
  /** Every field as it stands in the editor now (the body serialised once). */
  const readAll = useCallback((): StoryFields => {
    const fields = {} as Record<FieldName, unknown>;
    for (const field of STORY_FIELDS) fields[field] = read(field);
    return fields as StoryFields;
  }, [read]);

  const readAllRef = useRef(readAll);
  readAllRef.current = readAll;
  // The server's content at the revision the next save is made on (autosave.baseRevision): other
  // people's changes are told apart from ours against it.
  const baseFields = useRef<StoryFields>(fieldsOf(pending ? confirmed : initial));
  const [editorId] = useState(() => crypto.randomUUID());
  const takeInRef = useRef<(base: StoryFields, server: StoryFields) => void>(() => undefined);
  const [serverBodies] = useState(() => new ServerBodies());
  const autosave = useAutosave(initial, read, {
    editorId,
    userId: user.id,
    baseRevision: pending?.baseRevision,
    serverBodies,
    onSaved: (saved, sent) => {
      const server = fieldsOf(saved);
      if (saved.merged) {
        // A merged save brings other people's changes: take them in around what was typed since
        // it went out — unless they changed the very words typed since: then the person chooses.
        const sentState = { ...baseFields.current, ...sent };
        const overlap = mergeStories(sentState, server, readAllRef.current()).conflicts;
        if (overlap.length > 0) {
          autosave.raiseConflict({ currentRevision: saved.revision, story: saved, base: sentState, conflicts: overlap.map((conflict) => conflict.key) });
          return;
        }
        takeInRef.current(sentState, server);
      }
      baseFields.current = server;
    },
  });

  // Options keep their identity across renders: useEditor re-applies any option that changes.
  const editorRef = useRef<Editor | null>(null);
  // Photos dropped or pasted into the body upload here, then take their place as figures, in
  // the order they were dropped.
  const uploadBatches = useRef<Array<{ order: InOrder<Photo>; place: ReturnType<typeof trackPosition> }>>([]);
  const uploads = useUploadQueue(undefined, (item) => {
    const batch = uploadBatches.current.find((entry) => entry.order.has(item.key));
    const current = editorRef.current;
    if (!batch || !current) return;
    for (const photo of batch.order.settle(item.key, item.status === 'done' ? item.photo! : null)) {
      insertFigure(current, photo, figureRange(current.state.doc, batch.place.get(), false));
    }
    if (batch.order.done) {
      batch.place.stop();
      uploadBatches.current = uploadBatches.current.filter((entry) => entry !== batch);
    }
  });
  const placeUploads = (files: File[], position: number) => {
    const current = editorRef.current;
    if (!current) return;
    const { to } = figureRange(current.state.doc, position, false);
    uploadBatches.current.push({ order: new InOrder(uploads.queue.add(files)), place: trackPosition(current, to) });
  };
  const placeUploadsRef = useRef(placeUploads);
  placeUploadsRef.current = placeUploads;
  useEffect(() => () => uploadBatches.current.forEach((batch) => batch.place.stop()), []);

  const openLinkEditor = () => openPopover({ kind: 'link', at: editorRef.current?.state.selection.to ?? 0 });
  const queryClient = useQueryClient();
  const [setup] = useState(() =>
    editorSetup({
      onLinkShortcut: () => openLinkEditor(),
      onPickStory: (request) => openPopover({ kind: 'readAlso', ...request }),
      queryClient,
      photoDeskOnly,
      onPhotoFiles: can(user, 'photos:upload') ? (files, position) => placeUploadsRef.current(files, position) : undefined,
    }),
  );
  // TipTap hands editorProps to ProseMirror's view as they are: `plugins` are the view's own.
  const [editorProps] = useState(() => ({
    attributes: { id: 'story-body', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Story body' },
    plugins: setup.viewPlugins,
  }));
  const editor = useEditor({
    extensions: setup.extensions,
    content: initial.body,
    editable: photosEditable,
    autofocus: autoFocus ? 'start' : false,
    shouldRerenderOnTransaction: false,
    editorProps,
    // 'update' also fires for non-edits (setEditable); only a changed document needs saving.
    onUpdate: ({ transaction }) => {
      if (transaction.docChanged && !transaction.getMeta(REMOTE_CHANGE_META)) autosave.change('body');
    },
  });
  editorRef.current = editor;
  // Serialised block by block, only the blocks changed since the last read (see model/body-json).
  readBody.current = () => bodyJSON(editor.state.doc);
  useEffect(() => editor.setEditable(photosEditable, false), [editor, photosEditable]);

  // Other people's saves come into the open story field by field and block by block; what was
  // changed here since wins (the server surfaces it as a conflict on the next save).
  takeInRef.current = (base, server) => {
    const now = latest.current;
    takeInBody(editor, base.body, server.body);
    setHeadline(takeInValue(base.headline, now.headline, server.headline));
    setStandfirst(takeInValue(base.standfirst, now.standfirst, server.standfirst));
    setLeadPhoto(takeInValue(base.leadPhoto, now.leadPhoto, server.leadPhoto));
    const tags = parseTags(now.meta.tagsText);
    setMeta({
      byline: takeInValue(base.byline, now.meta.byline, server.byline),
      dateline: takeInValue(base.dateline, now.meta.dateline, server.dateline),
      section: takeInValue(base.section, now.meta.section, server.section),
      tagsText: sameJSON(tags, base.tags) && !sameJSON(tags, server.tags) ? server.tags.join(', ') : now.meta.tagsText,
      seoTitle: takeInValue(base.seoTitle, now.meta.seoTitle, server.seoTitle),
      seoDescription: takeInValue(base.seoDescription, now.meta.seoDescription, server.seoDescription),
    });
  };

  // Changes restored from the journal (or chosen in a conflict) are saved like fresh ones.
  const restoredOnce = useRef(false);
  useEffect(() => {
    if (!pending || restoredOnce.current) return;
    restoredOnce.current = true;
    autosave.restore(pending.changes, pending.count ?? 0);
    // The changes now live in this editor's own journal entry; the closed editor's can go.
    const { journalKey } = pending;
    if (journalKey) void autosave.saveJournalNow().then(() => deleteJournalEntry(journalKey));
  }, [pending, autosave]);

  // Presence: a heartbeat says who else is here and the story's revision. When someone else has
  // saved and nothing here is unsaved, their save is fetched and shown (with unsaved work, the
  // next save merges it and brings it in). The heartbeat, the story's log and the side panels'
  // requests start once the body is on screen (`settled`), not before its first frame.
  const settled = useAfterFirstPaint();
  const presence = useHeartbeat(initial.id, editorId, settled);
  const pulling = useRef(false);
  const serverRevision = presence.data?.revision ?? 0;
  const heardAt = presence.dataUpdatedAt;
  useEffect(() => {
    const behind = () => serverRevision > autosave.baseRevision && !autosave.hasUnsaved() && autosave.currentState.kind !== 'conflict';
    if (pulling.current || !behind()) return;
    pulling.current = true;
    void getStory(initial.id)
      .then((server) => {
        // Typing may have started meanwhile, or an older copy come back: then the next save or heartbeat deals with it.
        if (server.revision <= autosave.baseRevision || autosave.hasUnsaved() || autosave.currentState.kind === 'conflict') return;
        const local = readAllRef.current();
        takeInRef.current(local, fieldsOf(server));
        if (autosave.adoptRevision(server.revision)) {
          baseFields.current = fieldsOf(server);
          serverBodies.remember(server.revision, server.body);
        }
        queryClient.setQueryData(storyKeys.detail(server.id), server);
      })
      .catch(() => undefined)
      .finally(() => {
        pulling.current = false;
      });
  }, [serverRevision, heardAt, autosave, serverBodies, initial.id, queryClient]);
  useEffect(() => holdEditorLock(editorId), [editorId]);
  useEffect(() => () => leaveStory(initial.id, editorId), [initial.id, editorId]);
  useEffect(
    () => () => {
      closePopover();
      setPhotoPicker(null);
    },
    [closePopover, setPhotoPicker],
  );

  const changeLeadPhoto = (value: LeadPhoto | null) => {
    setLeadPhoto(value);
    autosave.change('leadPhoto', value);
  };
  const pickPhoto = (photo: Photo) => {
    if (photoPicker === 'lead') changeLeadPhoto(leadPhotoFor(photo, latest.current.leadPhoto));
    else insertFigure(editor, photo, figureRange(editor.state.doc, editor.state.selection.from));
    setPhotoPicker(null);
  };

  const words = useWordCount(editor, initial.wordCount);

  const changeHeadline = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const value = oneLine(event.target.value);
    setHeadline(value);
    autosave.change('headline', value);
  };
  const changeStandfirst = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const value = oneLine(event.target.value);
    setStandfirst(value);
    autosave.change('standfirst', value);
  };
  const tagsError = tagsProblem(parseTags(meta.tagsText));
  const changeMeta = <K extends keyof MetadataValues>(field: K, value: MetadataValues[K]) => {
    const next = { ...meta, [field]: typeof value === 'string' ? oneLine(value) : value };
    setMeta(next);
    if (field === 'tagsText') {
      // Tags the server would refuse wait here, shown as an error, so the rest keeps saving.
      const tags = parseTags(next.tagsText);
      if (!tagsProblem(tags)) autosave.change('tags', tags);
    } else {
      autosave.change(field as Exclude<K, 'tagsText'>, next[field] as never);
    }
  };

  // Enter moves on, as on paper: headline → standfirst → body.
  const onHeadlineKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      standfirstRef.current?.focus();
    }
  };
  const onStandfirstKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      editor.commands.focus('start');
    }
  };

  // Only a conflict changes this screen (the status line follows the other save states): the
  // first keystroke after a save would otherwise re-render all of it inside the key event.
  const conflict = useEditorChrome((chrome) => {
    const state = chrome.saveStates[initial.id];
    return state?.kind === 'conflict' ? state : null;
  });

  // The publish checklist points at problems: a field, or the block of a linked story.
  const goTo = (target: string) => {
    if (target.startsWith('story:')) {
      const storyId = target.slice('story:'.length);
      let found: number | null = null;
      editor.state.doc.descendants((node, pos) => {
        if (found !== null) return false;
        if ((node.type.name === 'readAlso' && node.attrs.storyId === storyId) || node.marks.some((mark) => mark.attrs.storyId === storyId)) found = pos;
        return true;
      });
      if (found !== null) editor.chain().focus().setNodeSelection(found).scrollIntoView().run();
      return;
    }
    if (target.startsWith('block:')) {
      // A photo in the body: the cursor goes to the end of its caption.
      const blockId = target.slice('block:'.length);
      let end: number | null = null;
      editor.state.doc.descendants((node, pos) => {
        if (end !== null) return false;
        if (node.attrs.id === blockId) end = pos + node.nodeSize - 1;
        return true;
      });
      if (end !== null) editor.chain().focus(end).scrollIntoView().run();
      return;
    }
    if ((target === 'byline' || target.startsWith('leadPhoto')) && !detailsOpen) toggleDetails();
    requestAnimationFrame(() => document.getElementById(`story-${target}`)?.focus());
  };
  const workflow = useWorkflow({ story: confirmed, user, flush: () => autosave.flush(), goTo });
  const events = useStoryEvents(initial.id, settled);
  const lastEvent = events.data?.[events.data.length - 1];
  const sentBack =
    lastEvent?.kind === 'transition' && lastEvent.note && lastEvent.to === confirmed.status && findTransition(lastEvent.from, lastEvent.to)?.requiresNote
      ? lastEvent
      : null;
  const updateWaiting = confirmed.status === 'published' && confirmed.liveRevision !== null && confirmed.revision > confirmed.liveRevision;
  const resolveConflict = (details: ConflictDetails, result: MergeResult) => {
    autosave.abandon();
    const changes = Object.fromEntries(result.changed.map((field) => [field, result.fields[field]])) as Partial<StoryFields>;
    // The editor starts again from their story with the choices on top, still to be saved.
    onReload(details.story, result.changed.length > 0 ? { baseRevision: details.story.revision, changes } : undefined);
  };
  const conflictMine = useMemo(() => (conflict ? readAll() : null), [conflict, readAll]);

  // Restoring an earlier revision: what is open is saved first, then the editor starts again from the restored story.
  const restore = useRestoreRevision(initial.id);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const restoreRevision = async (revision: number) => {
    setRestoreError(null);
    if (!(await autosave.flush())) {
      setRestoreError('Your latest changes are not saved yet, so nothing was restored. Try again once they are.');
      return;
    }
    try {
      const story = await restore.mutateAsync(revision);
      autosave.abandon();
      onReload(story);
    } catch (error) {
      setRestoreError(`Could not restore revision ${revision}: ${(error as Error).message}`);
    }
  };

  // Leaving for another screen: save first; if that fails, ask.
  const blocker = useBlocker(() => autosave.hasUnsaved());
  const [leaveRefused, setLeaveRefused] = useState(false);
  const leaveBanner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (leaveRefused) leaveBanner.current?.focus();
  }, [leaveRefused]);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let cancelled = false;
    void autosave.flush().then((saved) => {
      if (cancelled) return;
      if (saved) blocker.proceed();
      else setLeaveRefused(true);
    });
    return () => {
      cancelled = true;
    };
  }, [blocker, autosave]);

  return (
    <div className={styles.screen}>
      <title>{`${headline || 'Untitled story'} — Newsdesk`}</title>
      <div className={styles.topbar}>
        <Link to="/stories" className={styles.back}>
          ← Stories
        </Link>
        <StatusBadge status={confirmed.status} />
        <SaveStatus storyId={initial.id} />
        <PresenceList present={presence.data?.present ?? []} />
        <span className={styles.spacer} />
        {workflow.actions}
        <span className={styles.meta} aria-live="off">
          {formatNumber(words)} words · {readingMinutes(words)} min read
        </span>
        <Button size="small" variant="ghost" aria-expanded={detailsOpen} onClick={toggleDetails}>
          {detailsOpen ? 'Hide details' : 'Show details'}
        </Button>
      </div>

      <div className={detailsOpen ? styles.layout : `${styles.layout} ${styles.layoutCollapsed}`}>
        <main id="main" className={styles.canvasColumn}>
          <div className={styles.canvas}>
            {workflow.problems && <div className={styles.banner}>{workflow.problems}</div>}
            {workflow.dialog}
            {sentBack && (
              <Alert tone="warning" className={styles.banner}>
                Sent back by {sentBack.actor.name}: “{sentBack.note}”
              </Alert>
            )}
            {confirmed.status === 'scheduled' && confirmed.scheduledAt && (
              <div className={`${styles.banner} ${styles.notice}`}>
                Scheduled to publish on <time dateTime={confirmed.scheduledAt}>{dateTime(confirmed.scheduledAt)}</time>. Edits made now wait as an update after
                publication.
              </div>
            )}
            {updateWaiting && (
              <div className={`${styles.banner} ${styles.notice}`}>
                Published — changes not yet live. Readers see revision {confirmed.liveRevision}; a chief editor publishes the update.
                <PendingChanges storyId={initial.id} revision={confirmed.revision} />
              </div>
            )}
            {readOnly && !photosEditable && (
              <Alert tone="info" className={styles.banner}>
                You can read this story but not edit it.
              </Alert>
            )}
            {readOnly && photosEditable && (
              <Alert tone="info" className={styles.banner}>
                You can change the lead photo and the captions, credits and alt text of photos. The story text is read-only for the photo desk.
              </Alert>
            )}
            {conflict && conflictMine && (
              <ConflictResolver
                details={conflict.details}
                knownBase={baseFields.current}
                mine={conflictMine}
                onResolve={(result) => resolveConflict(conflict.details, result)}
              />
            )}
            {restoreError && (
              <Alert tone="error" className={styles.banner}>
                {restoreError}
              </Alert>
            )}
            {leaveRefused && (
              <Alert tone="warning" className={styles.banner} ref={leaveBanner}>
                Your latest changes could not be saved, so you are still here.
                <div className={styles.bannerActions}>
                  <Button
                    variant="primary"
                    onClick={() => {
                      setLeaveRefused(false);
                      blocker.reset?.();
                      editor.commands.focus();
                    }}
                  >
                    Stay and keep editing
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => {
                      setLeaveRefused(false);
                      blocker.proceed?.();
                    }}
                  >
                    Leave without saving
                  </Button>
                </div>
              </Alert>
            )}

            <label className="visually-hidden" htmlFor="story-headline">
              Headline
            </label>
            <textarea
              id="story-headline"
              className={styles.headline}
              rows={1}
              placeholder="Headline"
              value={headline}
              maxLength={STORY_LIMITS.headline}
              readOnly={readOnly}
              onChange={changeHeadline}
              onKeyDown={onHeadlineKey}
            />
            <label className="visually-hidden" htmlFor="story-standfirst">
              Standfirst
            </label>
            <textarea
              id="story-standfirst"
              ref={standfirstRef}
              className={styles.standfirst}
              rows={1}
              placeholder="Standfirst: the story in a sentence or two"
              value={standfirst}
              maxLength={STORY_LIMITS.standfirst}
              readOnly={readOnly}
              onChange={changeStandfirst}
              onKeyDown={onStandfirstKey}
            />
            <p className={styles.byline}>
              {[meta.byline, meta.dateline].filter(Boolean).join(' · ') || 'Add a byline and dateline in the details panel'}
            </p>
            {leadPhoto && <LeadPhotoPreview value={leadPhoto} />}

            {!readOnly && (
              <div className={styles.toolbarDock}>
                <Toolbar
                  editor={editor}
                  onLink={openLinkEditor}
                  onReadAlso={() => openPopover({ kind: 'readAlso', at: editor.state.selection.from, label: 'Read also' })}
                  onInsertPhoto={() => setPhotoPicker('figure')}
                />
                <UploadList items={uploads.items} onCancel={(key) => uploads.queue.cancel(key)} onDismiss={(key) => uploads.queue.dismiss(key)} />
              </div>
            )}
            <EditorContent editor={editor} className={bodyStyles.body} />
            {popover && !readOnly && (
              <EditorPopover
                editor={editor}
                at={popover.at}
                label={popover.kind === 'link' ? 'Link' : 'Read also'}
                onDismiss={(reason) => {
                  closePopover();
                  // A typed "Read also:" comes back if the picker is clicked away without a pick.
                  if (reason === 'outside' && popover.kind === 'readAlso' && popover.restoreText) {
                    editor.commands.insertContentAt(popover.at, popover.restoreText);
                  }
                }}
              >
                {popover.kind === 'link' ? (
                  <LinkEditor editor={editor} storyId={initial.id} onClose={closePopover} />
                ) : (
                  <ReadAlsoPicker editor={editor} request={popover} storyId={initial.id} onClose={closePopover} />
                )}
              </EditorPopover>
            )}
          </div>
        </main>
        {detailsOpen && (
          <MetadataPanel
            story={confirmed}
            values={meta}
            errors={{ tagsText: tagsError }}
            readOnly={readOnly}
            onChange={changeMeta}
            leadPhoto={<LeadPhotoPanel value={leadPhoto} editable={photosEditable} onChange={changeLeadPhoto} onChoose={() => setPhotoPicker('lead')} />}
          >
            {settled && (
              <>
                <LinkedFrom storyId={initial.id} />
                <HistoryPanel
                  storyId={initial.id}
                  revision={confirmed.revision}
                  canRestore={!readOnly}
                  restoring={restore.isPending}
                  onRestore={(revision) => void restoreRevision(revision)}
                  sectionClass={styles.panelSection}
                />
                <StoryLog storyId={initial.id} headingClass={panelHeadingClass} sectionClass={styles.panelSection} />
              </>
            )}
          </MetadataPanel>
        )}
      </div>
      {photoPicker && (
        <PhotoPicker
          title={photoPicker === 'lead' ? 'Choose the lead photo' : 'Insert photo'}
          confirmLabel={photoPicker === 'lead' ? 'Use as lead photo' : 'Insert photo'}
          onPick={pickPhoto}
          onClose={() => {
            setPhotoPicker(null);
            if (photoPicker === 'figure') editor.commands.focus();
          }}
        />
      )}
    </div>
  );
}
