/** How long the object URL of a download is kept: the browser reads it after the click returns. */
const REVOKE_AFTER_MS = 60_000;

/** Saves a blob as a file through an `<a download>`: no `downloads` permission needed. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
