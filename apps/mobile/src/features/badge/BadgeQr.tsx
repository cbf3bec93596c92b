import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** SVG: every module stays a crisp square at whatever size CSS gives the image, so a phone reads it at arm's length. */
const toSvgDataUrl = async (url: string): Promise<string> => {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
};

/** The QR code of an absolute URL, as an image. */
export function BadgeQr({ url }: { url: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setSrc(null);
    setFailed(false);
    toSvgDataUrl(url)
      .then((data) => live && setSrc(data))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [url]);

  if (failed) return <p className="form-error">{t('badge.qrFailed')}</p>;
  if (src === null) return <div className="badge-qr badge-qr-loading" aria-busy="true" />;
  return <img className="badge-qr" src={src} alt={t('badge.qrAlt')} data-testid="h5-badge-qr" data-url={url} />;
}
