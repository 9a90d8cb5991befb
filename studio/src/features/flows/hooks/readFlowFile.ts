/** The picked file is not JSON at all: said in the studio's words, without a round trip. */
export class NotJsonFileError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is not JSON`);
    this.name = 'NotJsonFileError';
  }
}

export async function readFlowFile(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new NotJsonFileError(file.name);
  }
}
