/** Notes listed per file; the rest are counted in the last one. */
export const MAX_NOTES = 50;

/** A file's notes, at most `MAX_NOTES` of them: the first ones, then how many more there were. */
export function capNotes(notes: string[]): string[] {
  if (notes.length <= MAX_NOTES) return notes;
  return [...notes.slice(0, MAX_NOTES - 1), `… and ${(notes.length - MAX_NOTES + 1).toLocaleString('en')} more`];
}
