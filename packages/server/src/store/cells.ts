/**
 * Geo cells: a fixed grid whose cell names are put into the full-text documents, so that
 * one FTS5 query finds text matches inside an area, searched ring by ring outward from
 * the user's cell. This keeps the tail latency of common words flat at national scale,
 * where joining a text match with a spatial index does not (see DESIGN.md, "What was
 * measured about search at scale").
 */
import type { BBox, Point } from '@lokaal/core';

export interface CellLevel {
  /** Token prefix in the FTS documents. */
  prefix: string;
  latStepDegrees: number;
  lonStepDegrees: number;
}

/** About 2.2 × 2.0 km at Dutch latitudes. */
export const FINE: CellLevel = { prefix: 'gf', latStepDegrees: 0.02, lonStepDegrees: 0.03 };
/** About 11 × 10 km: 5 × 5 fine cells. */
export const COARSE: CellLevel = { prefix: 'gc', latStepDegrees: 0.1, lonStepDegrees: 0.15 };

interface CellIndex {
  latIndex: number;
  lonIndex: number;
}

function cellIndex(level: CellLevel, point: Point): CellIndex {
  return {
    latIndex: Math.floor((point.lat + 90) / level.latStepDegrees),
    lonIndex: Math.floor((point.lon + 180) / level.lonStepDegrees),
  };
}

function token(level: CellLevel, index: CellIndex): string {
  // Letters and digits only, so that the unicode61 tokenizer keeps it as one token.
  return `${level.prefix}${String(index.latIndex).padStart(5, '0')}x${String(index.lonIndex).padStart(5, '0')}`;
}

export function cellToken(level: CellLevel, point: Point): string {
  return token(level, cellIndex(level, point));
}

/** Numeric id of the coarse cell, stored with each offer for the (gtin, cell) index. */
export function coarseCellId(point: Point): number {
  const { latIndex, lonIndex } = cellIndex(COARSE, point);
  return latIndex * 100_000 + lonIndex;
}

/**
 * The cells that cover a box, grouped in rings around the cell of `center`: ring 0 is
 * the centre cell, ring 1 the eight around it, and so on.
 */
export function cellRings(
  level: CellLevel,
  center: Point,
  bbox: BBox,
): Array<{ tokens: string[]; ids: number[] }> {
  const centerIndex = cellIndex(level, center);
  const southWest = cellIndex(level, { lat: bbox[1], lon: bbox[0] });
  const northEast = cellIndex(level, { lat: bbox[3], lon: bbox[2] });
  const rings: Array<{ tokens: string[]; ids: number[] }> = [];
  for (let latIndex = southWest.latIndex; latIndex <= northEast.latIndex; latIndex++) {
    for (let lonIndex = southWest.lonIndex; lonIndex <= northEast.lonIndex; lonIndex++) {
      const ring = Math.max(
        Math.abs(latIndex - centerIndex.latIndex),
        Math.abs(lonIndex - centerIndex.lonIndex),
      );
      const entry = (rings[ring] ??= { tokens: [], ids: [] });
      entry.tokens.push(token(level, { latIndex, lonIndex }));
      entry.ids.push(latIndex * 100_000 + lonIndex);
    }
  }
  return rings.filter((ring) => ring !== undefined);
}
