import { DomainError } from '@gongzhi/eventsourcing';
import { sniffImageType } from '../media/media-store';
import { categoriesFromCsv, districtsFromCsv, loadReferenceData } from './load-reference-data';

describe('reference data', () => {
  const demo = loadReferenceData();

  it('ships a demo city whose ids match the demo accounts', () => {
    expect(demo.grid('grid-hexie-01')).toMatchObject({
      cityId: 'city-shanghai',
      districtId: 'district-huangpu',
      streetId: 'street-nanjingdong',
      communityId: 'community-hexie',
    });
    expect(demo.grid('grid-hexie-01').grid.gridWorkers.map((w) => w.id)).toContain('demo-grid-worker');
    expect(demo.findDepartment('dept-chengguan')).toBeDefined();
  });

  it('places a point in the grid that covers it, and refuses one outside the city', () => {
    expect(demo.locate({ lat: 31.2385, long: 121.4778 }).grid.id).toBe('grid-hexie-01');
    expect(() => demo.locate({ lat: 39.9, long: 116.4 })).toThrow(expect.objectContaining({ code: 'LOCATION.OUTSIDE_CITY' }));
  });

  it('names an unknown category as bad input', () => {
    expect(() => demo.category('city.ufo.landing')).toThrow(DomainError);
  });

  it('reads the catalogue from CSV, naming the line at fault', () => {
    const header =
      'code,name_zh,name_en,group,lead_department_id,acknowledge_within_hours,resolve_within_hours,evaluation_required,keywords\n';
    expect(categoriesFromCsv(`${header}city.road.pothole,道路坑洼,"Road pothole, big",市政设施,dept-zhujian,4,72,yes,坑|路面\n`)).toEqual([
      {
        code: 'city.road.pothole',
        name: { zh: '道路坑洼', en: 'Road pothole, big' },
        group: '市政设施',
        leadDepartmentId: 'dept-zhujian',
        acknowledgeWithinHours: 4,
        resolveWithinHours: 72,
        evaluationRequired: true,
        keywords: ['坑', '路面'],
      },
    ]);
    expect(() => categoriesFromCsv(`${header}city.road.pothole,道路坑洼,Pothole,市政设施,dept-zhujian,soon,72,yes,\n`)).toThrow(
      'categories.csv line 2',
    );
  });

  it('reads the organisation tree from CSV, one grid a row', () => {
    const csv =
      'district_id,district_zh,district_en,street_id,street_zh,street_en,community_id,community_zh,community_en,grid_id,grid_zh,grid_en,households,people,grid_workers,south,west,north,east\n' +
      'district-a,甲区,A,street-a,甲街道,A St,community-a,甲社区,A Com,grid-a-01,一网格,Grid 1,400,1000,gw-1:张三|gw-2:李四,31.0,121.0,31.1,121.1\n' +
      'district-a,甲区,A,street-a,甲街道,A St,community-a,甲社区,A Com,grid-a-02,二网格,Grid 2,300,800,gw-3:王五,31.1,121.0,31.2,121.1\n';
    const [district] = districtsFromCsv(csv);
    expect(district.streets[0].communities[0].grids.map((g) => g.id)).toEqual(['grid-a-01', 'grid-a-02']);
    expect(district.streets[0].communities[0].grids[0].gridWorkers).toEqual([
      { id: 'gw-1', name: '张三' },
      { id: 'gw-2', name: '李四' },
    ]);
  });
});

describe('photo type sniffing', () => {
  it('reads JPEG, PNG and WebP from their bytes and nothing else', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });
});
