/**
 * Files (export of my data, the report's CSV) come from the API as attachments behind a one-time
 * link (`POST /api/v1/downloads`), never as blobs built in the page: new Teams allows a frame only its
 * first blob download and the mobile clients none. The link opens through the host (host/links.ts).
 */
import type { Api } from '../api/endpoints';
import type { DownloadRequest } from '@tandem/app';
import { openDownload } from '../host/links';

export async function download(api: Pick<Api, 'createDownload'>, request: DownloadRequest): Promise<void> {
  const link = await api.createDownload(request);
  await openDownload(link.url);
}
