import { Badge } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TileSpec } from './tiles.ts';

/** One large, tappable entry on the home grid. */
export function HomeTile({ tile, badge }: { tile: TileSpec; badge?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Link to={tile.path} className="tile" data-testid={tile.testId ?? `h5-tile-${tile.name}`}>
      <span className="tile-icon-wrap">
        <Badge content={badge}>
          <span className={`tile-icon tile-${tile.tone}`} aria-hidden="true">
            {tile.glyph}
          </span>
        </Badge>
      </span>
      <span className="tile-label">{t(`tiles.${tile.name}`)}</span>
      <span className="tile-desc">{t(`tiles.${tile.name}Desc`)}</span>
    </Link>
  );
}
