/** Files carried by a drop or a paste, if any (an empty list when it carries only text). */
export function filesIn(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

/** Only the image files: what the editor takes from a drop or paste (other drops stay text). */
export function imageFilesIn(data: DataTransfer | null): File[] {
  return filesIn(data).filter((file) => file.type.startsWith('image/'));
}

/** Does a drag carry files (the drop zone lights up only for them)? */
export function draggingFiles(data: DataTransfer | null): boolean {
  return Boolean(data && Array.from(data.types).includes('Files'));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
