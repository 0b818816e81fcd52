// Tile geometry for the virtualized grid: as many columns as fit at the minimum tile width,
// tiles stretched to fill the row, thumbnails 16:9.

export const MIN_TILE_WIDTH = 220;
export const TILE_GAP = 12;
export const GRID_PADDING = 16;
/** Title and meta line under the thumbnail. */
export const CAPTION_HEIGHT = 46;

export interface GridLayout {
  columns: number;
  tileWidth: number;
  thumbHeight: number;
  /** Row pitch: one tile plus the gap below it. */
  rowHeight: number;
}

export function gridLayout(containerWidth: number): GridLayout {
  const inner = Math.max(0, containerWidth - 2 * GRID_PADDING);
  const columns = Math.max(1, Math.floor((inner + TILE_GAP) / (MIN_TILE_WIDTH + TILE_GAP)));
  const tileWidth = Math.max(MIN_TILE_WIDTH, (inner - TILE_GAP * (columns - 1)) / columns);
  const thumbHeight = Math.round((tileWidth * 9) / 16);
  return { columns, tileWidth, thumbHeight, rowHeight: thumbHeight + CAPTION_HEIGHT + TILE_GAP };
}

/** The largest box of aspect `aspect` (width / height) that fits in `w` × `h`. */
export function containBox(w: number, h: number, aspect: number): { width: number; height: number } {
  if (!(aspect > 0)) return { width: w, height: h };
  return aspect > w / h ? { width: w, height: w / aspect } : { width: h * aspect, height: h };
}
