import { DomainError } from '@gongzhi/eventsourcing';
import { BoxIndex } from './box-index';
import { centreOf, contains, distanceMetres, type LatLong } from './geo';
import type { BilingualName, Category, Department, GridDefinition, ReferenceDataDocument } from './reference-data.schema';

/** A grid with the path above it: what a case records as its place. */
export interface GridPlace {
  readonly grid: GridDefinition;
  readonly cityId: string;
  readonly districtId: string;
  readonly streetId: string;
  readonly communityId: string;
  readonly streetName: BilingualName;
  readonly communityName: BilingualName;
}

/** The organisation tree and the service catalogue, with the look-ups the use cases need. */
export class ReferenceData {
  private readonly grids = new Map<string, GridPlace>();
  private readonly categories = new Map<string, Category>();
  private readonly departments = new Map<string, Department>();

  constructor(readonly document: ReferenceDataDocument) {
    const seen = new Set<string>();
    const unique = (kind: string, value: string) => {
      if (seen.has(`${kind}:${value}`)) throw new Error(`reference data: ${kind} ${value} is defined twice`);
      seen.add(`${kind}:${value}`);
    };
    for (const department of document.departments) {
      unique('department', department.id);
      this.departments.set(department.id, department);
    }
    for (const category of document.categories) {
      unique('category', category.code);
      if (!this.departments.has(category.leadDepartmentId)) {
        throw new Error(`reference data: category ${category.code} names an unknown lead department ${category.leadDepartmentId}`);
      }
      this.categories.set(category.code, category);
    }
    for (const district of document.districts) {
      unique('district', district.id);
      for (const street of district.streets) {
        unique('street', street.id);
        for (const community of street.communities) {
          unique('community', community.id);
          for (const grid of community.grids) {
            unique('grid', grid.id);
            this.grids.set(grid.id, {
              grid,
              cityId: document.city.id,
              districtId: district.id,
              streetId: street.id,
              communityId: community.id,
              streetName: street.name,
              communityName: community.name,
            });
          }
        }
      }
    }
  }

  get cityId(): string {
    return this.document.city.id;
  }

  allCategories(): readonly Category[] {
    return this.document.categories;
  }

  allDepartments(): readonly Department[] {
    return this.document.departments;
  }

  /** Every grid, in the document's order: one list for the life of the data (every located report scans it). */
  allGrids(): readonly GridPlace[] {
    return (this.gridList ??= Object.freeze([...this.grids.values()]));
  }
  private gridList: readonly GridPlace[] | undefined;
  /** Which grids' boxes reach into each part of the city: a report's grid is found among a few, not all of them. */
  private gridBoxes: BoxIndex<GridPlace> | undefined;

  findCategory(code: string): Category | undefined {
    return this.categories.get(code);
  }

  /** The category, or a 4xx naming the unknown code. */
  category(code: string): Category {
    const category = this.categories.get(code);
    if (!category) throw new DomainError('CATEGORY.UNKNOWN', `unknown category ${code}`, { field: 'categoryCode', categoryCode: code });
    return category;
  }

  findDepartment(id: string): Department | undefined {
    return this.departments.get(id);
  }

  department(id: string): Department {
    const department = this.departments.get(id);
    if (!department) throw new DomainError('DEPARTMENT.UNKNOWN', `unknown department ${id}`, { field: 'departmentId', departmentId: id });
    return department;
  }

  findGrid(id: string): GridPlace | undefined {
    return this.grids.get(id);
  }

  grid(id: string): GridPlace {
    const place = this.grids.get(id);
    if (!place) throw new DomainError('GRID.UNKNOWN', `unknown grid ${id}`, { field: 'gridId', gridId: id });
    return place;
  }

  isInCity(point: LatLong): boolean {
    return contains(this.document.city.bounds, point);
  }

  /**
   * The grid a point lies in; a point in the city that no grid's box covers goes to the nearest grid,
   * whose worker triages it. A point outside the city is refused.
   */
  locate(point: LatLong): GridPlace {
    if (!this.isInCity(point)) {
      throw new DomainError('LOCATION.OUTSIDE_CITY', `(${point.lat}, ${point.long}) lies outside ${this.document.city.name.zh}`, {
        field: 'location',
      });
    }
    const places = this.allGrids();
    this.gridBoxes ??= new BoxIndex(this.document.city.bounds, places, (place) => place.grid.bounds);
    const inside = this.gridBoxes.first(point);
    if (inside) return inside;
    let nearest = places[0];
    let shortest = Infinity;
    for (const place of places) {
      const distance = distanceMetres(point, centreOf(place.grid.bounds));
      if (distance < shortest) [nearest, shortest] = [place, distance];
    }
    return nearest;
  }

  /** A grid named in a free-text address (its community's or street's Chinese name), if any. */
  locateAddress(address: string): GridPlace | undefined {
    const places = this.allGrids();
    return (
      places.find((p) => address.includes(p.grid.name.zh)) ??
      places.find((p) => address.includes(p.communityName.zh)) ??
      places.find((p) => address.includes(p.streetName.zh))
    );
  }
}
