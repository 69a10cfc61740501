import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextAreaField } from '../../../components/ui/Field';
import pageStyles from '../../../components/ui/Page.module.css';
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS, IMPORT_LIMITS, type ImportFormat } from '../../../domain/api/imports';
import { can } from '../../../domain/auth/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useImportStory } from '../api/import-story';
import { guessFormat } from '../model/guess-format';
import styles from './ImportPage.module.css';

const LIMIT_MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;
const ACCEPT = '.txt,.text,.json,.xml,text/plain,application/json,application/xml,text/xml';

/**
 * "New from wire copy": paste agency copy or upload a file (plain text, ninjs, NewsML-G2); the
 * server makes a draft of it and the editor opens it for review.
 */
export function ImportPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const importing = useImportStory();
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<ImportFormat>('text');
  const [formatChosen, setFormatChosen] = useState(false);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const copyRef = useRef<HTMLTextAreaElement>(null);

  if (!can(user, 'story:create')) {
    return (
      <main id="main" className={pageStyles.page}>
        <title>New from wire copy — Newsdesk</title>
        <h1 className={pageStyles.title}>New from wire copy</h1>
        <Alert tone="warning">Your role cannot create stories, so it cannot import them.</Alert>
      </main>
    );
  }

  const changeCopy = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const value = event.target.value;
    setContent(value);
    setFileNote(null);
    setProblem(null);
    if (!formatChosen) setFormat(guessFormat(value));
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    if (file.size > IMPORT_LIMITS.maxBytes) {
      setProblem(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the importer takes at most ${LIMIT_MB} MB of text.`);
      return;
    }
    const text = await file.text();
    setContent(text);
    setFormat(guessFormat(text, file.name));
    setFormatChosen(false);
    setFileNote(`Loaded “${file.name}” (${Math.max(1, Math.round(file.size / 1024))} KB).`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!content.trim()) {
      setProblem('Paste the copy or choose a file first.');
      copyRef.current?.focus();
      return;
    }
    setProblem(null);
    importing.mutate({ format, content }, { onSuccess: ({ story }) => navigate(`/stories/${story.id}`) });
  };

  const error = problem ?? (importing.isError ? importing.error.message : null);

  return (
    <main id="main" className={`${pageStyles.page} ${pageStyles.narrow}`}>
      <title>New from wire copy — Newsdesk</title>
      <div className={pageStyles.header}>
        <h1 className={pageStyles.title}>New from wire copy</h1>
        <Link to="/stories">Back to the stories</Link>
      </div>
      <p className={styles.intro}>
        Paste agency copy or upload a file. The importer finds the headline, standfirst, byline, dateline, photo caption and credit, paragraphs,
        subheadings and “Read also” lines, and opens the result as a new draft for you to check.
      </p>
      <form className={styles.form} onSubmit={submit} noValidate>
        <fieldset className={styles.formats}>
          <legend className={styles.legend}>Format</legend>
          {IMPORT_FORMATS.map((option) => (
            <label key={option} className={styles.format}>
              <input
                type="radio"
                name="format"
                value={option}
                checked={format === option}
                onChange={() => {
                  setFormat(option);
                  setFormatChosen(true);
                }}
              />
              {IMPORT_FORMAT_LABELS[option]}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          ref={copyRef}
          label="Wire copy"
          className={styles.copy}
          rows={16}
          spellCheck={false}
          value={content}
          onChange={changeCopy}
          hint={fileNote ?? `Plain text as the agency sent it, or ninjs JSON, or NewsML-G2 XML; up to ${LIMIT_MB} MB.`}
        />
        <div className={styles.file}>
          <label htmlFor="import-file" className={styles.fileLabel}>
            Or upload a file
          </label>
          <input id="import-file" type="file" accept={ACCEPT} onChange={(event) => void chooseFile(event)} />
        </div>
        {error && <Alert tone="error">{error}</Alert>}
        <div className={styles.actions}>
          <Button type="submit" variant="primary" disabled={importing.isPending}>
            {importing.isPending ? 'Importing…' : 'Import as new draft'}
          </Button>
        </div>
      </form>
    </main>
  );
}
