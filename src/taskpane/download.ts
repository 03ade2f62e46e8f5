/**
 * Saving a file the pane built (a .docx) and copying text, in the browser the pane runs in.
 * Excel on the web and the preview download through an <a download> link; on Excel desktop the
 * webview shows its own save dialog where it supports downloads.
 */

/** Offer `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the link; the URL can go once the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copy text to the clipboard; false when the host refuses (the text stays selectable). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection copy
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}
