/**
 * Saves `data` as a JSON file through the browser's download. The data came through the API
 * client (it needs the Bearer token), so a plain link to the URL would not do.
 */
export function downloadJson(data: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the blob after click() returns; give them a moment first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
