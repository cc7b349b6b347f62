import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { Public } from '@gongzhi/identity';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';

@ApiTags('catalogue')
@Controller('api')
export class CatalogueHttpController {
  constructor(@Inject(REFERENCE_DATA) private readonly reference: ReferenceData) {}

  @Get('categories')
  @Public()
  @ApiOperation({ summary: 'The service catalogue: categories with their lead department and SLAs' })
  categories() {
    return { categories: this.reference.allCategories() };
  }

  @Get('departments')
  @Public()
  departments() {
    return { departments: this.reference.allDepartments() };
  }

  @Get('organisation')
  @Public()
  @ApiOperation({ summary: 'The organisation tree: city > district > street > community > grid (households, people, grid workers)' })
  organisation() {
    const { city, districts } = this.reference.document;
    return { city, districts };
  }
}
