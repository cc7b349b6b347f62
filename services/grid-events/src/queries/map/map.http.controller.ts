import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Public, ZodQuery } from '@gongzhi/identity';
import { GRID_EVENTS_SETTINGS, REFERENCE_DATA } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import { contains } from '../../reference-data/geo';
import type { ReferenceData } from '../../reference-data/reference-data';
import { gridAtQuery, type GridAtQuery } from './map.request';
import { ApiOkFrom } from '@gongzhi/platform';
import { gridAtAnswer, mapAnswer } from './map.response';

@ApiTags('map')
@Controller('api')
export class MapHttpController {
  constructor(
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
  ) {}

  @Get('map')
  @Public()
  @ApiOperation({ summary: "The city's outline and the base map's tiles (none unless GONGZHI_MAP_TILE_URL is set: the grids alone)" })
  @ApiOkFrom(mapAnswer, "The city's outline and the tiles, or null tiles.")
  map() {
    const { city } = this.reference.document;
    return { city, tiles: this.settings.mapTiles ?? null };
  }

  @Get('grids/at')
  @ApiBearerAuth()
  @Allow('resident', 'grid_worker')
  @ApiOperation({
    summary: 'The grid a report made at this point is filed under: the same look-up the report uses, so the app never guesses',
  })
  @ApiOkFrom(gridAtAnswer, 'The grid, community and street a report at this point is filed under.')
  gridAt(@ZodQuery(gridAtQuery) point: GridAtQuery) {
    // Refused outside the city (LOCATION.OUTSIDE_CITY, 400, field location) exactly as a report there would be.
    const place = this.reference.locate(point);
    return {
      gridId: place.grid.id,
      gridName: place.grid.name,
      communityId: place.communityId,
      communityName: place.communityName,
      streetId: place.streetId,
      streetName: place.streetName,
      // A point no grid covers still goes to the nearest grid; the app says so rather than pretend it is inside.
      insideGrid: contains(place.grid.bounds, point),
      addressHint: {
        zh: `${place.streetName.zh}${place.communityName.zh}${place.grid.name.zh}`,
        en: `${place.grid.name.en}, ${place.communityName.en}, ${place.streetName.en}`,
      },
    };
  }
}
