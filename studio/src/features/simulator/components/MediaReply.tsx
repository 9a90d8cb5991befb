import { useT } from '../../../shared/i18n';
import type { OutboundMessage } from '../types';
import { FormattedText } from './FormattedText';

type Media = Extract<OutboundMessage, { kind: 'media' }>;

/** The file name a document shows: the one given, else the last part of its URL. */
function fileNameOf(media: Media): string {
  if (media.fileName) return media.fileName;
  const last = media.url.split('?')[0]?.split('/').pop();
  return last ? decodeURIComponent(last) : media.url;
}

/** An image, video, audio or document as the chat shows it, with its caption. */
export function MediaReply({ media }: { media: Media }) {
  const t = useT();
  return (
    <div className="sim-media">
      {media.mediaType === 'image' && <img data-testid="simulator-image" className="sim-media__image" src={media.url} alt={media.caption ?? t('simulator.media.image')} />}
      {media.mediaType === 'video' && <video className="sim-media__video" src={media.url} controls preload="metadata" />}
      {(media.mediaType === 'audio' || media.mediaType === 'voice') && <audio className="sim-media__audio" src={media.url} controls preload="metadata" />}
      {media.mediaType === 'document' && (
        <a data-testid="simulator-document" className="sim-media__document" href={media.url} target="_blank" rel="noreferrer" download={fileNameOf(media)}>
          <span aria-hidden="true">📄</span> {fileNameOf(media)}
          <span className="sim-visually-hidden"> ({t('simulator.media.document')})</span>
        </a>
      )}
      {media.caption && (
        <div className="sim-media__caption">
          <FormattedText text={media.caption} />
        </div>
      )}
    </div>
  );
}
