import type { Story } from './stories';

/** What `POST /api/import` reads: plain wire text, IPTC ninjs (JSON) or IPTC NewsML-G2 (XML). */
export const IMPORT_FORMATS = ['text', 'ninjs', 'newsml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  text: 'Plain text (wire copy)',
  ninjs: 'IPTC ninjs (JSON)',
  newsml: 'IPTC NewsML-G2 (XML)',
};

/** Bounds on what is imported, checked before anything is parsed. */
export const IMPORT_LIMITS = {
  /** The largest text imported, in bytes of UTF-8: a wire story is a few kilobytes, a long feature 100 KB. */
  maxBytes: 2 * 1024 * 1024,
  /**
   * The largest HTML body in a ninjs or NewsML-G2 item: HTML is parsed into a DOM on the server,
   * which costs far more per byte than text (a long feature's markup is under 200 KB).
   */
  maxHtmlBytes: 512 * 1024,
} as const;

/** What the importer found, besides the story it made. */
export interface ImportReport {
  format: ImportFormat;
  /** The date the copy carried ("Reuters April 24, 2024"), as YYYY-MM-DD; the story gets its own dates when published. */
  sourceDate: string | null;
  /** "Read also" lines linked to a story with that headline, and those left as placeholders to fix. */
  readAlso: { linked: number; placeholders: string[] };
  /** Whether the lead photo's caption and credit wait for the photo desk to choose the picture. */
  leadPhotoWanted: boolean;
  /** What was left out or needs a person, in sentences (e.g. pictures beyond the lead photo). */
  notes: string[];
}

/** `POST /api/import` answers 201 with the new draft and the report. */
export interface ImportResponse {
  story: Story;
  report: ImportReport;
}
