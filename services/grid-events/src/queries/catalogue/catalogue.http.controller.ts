import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { Public } from '@gongzhi/identity';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';
import { ApiOkFrom } from '@gongzhi/platform';
import { categoriesAnswer, departmentsAnswer, organisationAnswer } from './catalogue.response';

@ApiTags('catalogue')
@Controller('api')
export class CatalogueHttpController {
  constructor(@Inject(REFERENCE_DATA) private readonly reference: ReferenceData) {}

  @Get('categories')
  @Public()
  @ApiOperation({ summary: 'The service catalogue: categories with their lead department and SLAs' })
  @ApiOkFrom(categoriesAnswer, 'Every category of the catalogue.')
  categories() {
    return { categories: this.reference.allCategories() };
  }

  @Get('departments')
  @Public()
  @ApiOkFrom(departmentsAnswer, 'The departments the catalogue names.')
  departments() {
    return { departments: this.reference.allDepartments() };
  }

  @Get('organisation')
  @Public()
  @ApiOperation({ summary: 'The organisation tree: city > district > street > community > grid (households, people, grid workers)' })
  @ApiOkFrom(organisationAnswer, 'The city and its districts, streets, communities and grids.')
  organisation() {
    const { city, districts } = this.reference.document;
    return { city, districts };
  }
}
