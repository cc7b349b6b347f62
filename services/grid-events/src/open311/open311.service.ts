import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Between, In, type FindOptionsWhere } from 'typeorm';
import { ownValue } from '@gongzhi/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ReportCase } from '../commands/report-case/report-case.command';
import type { ReportedCase } from '../commands/report-case/report-case.handler';
import { GRID_EVENTS_SETTINGS, REFERENCE_DATA } from '../grid-events.tokens';
import type { GridEventsSettings } from '../grid-events.settings';
import { factsOf } from '../application/case-readers';
import { caseSight, PUBLIC_STATUSES, STRANGER } from '../application/case-visibility';
import { CaseView } from '../read-models/case-view.entity';
import type { Category } from '../reference-data/reference-data.schema';
import type { ReferenceData } from '../reference-data/reference-data';
import { Open311Error } from './open311.errors';
import type { ListRequestsQuery, PostRequestBody } from './open311.request';

const CLOSED_STATUSES = ['Resolved', 'Confirmed', 'Closed', 'Rejected', 'Merged'];
const DEFAULT_WINDOW_DAYS = 90;
const MAX_REQUESTS = 1000;
const LANDMARK = 'landmark';

/** The GeoReport v2 facade over the catalogue and the cases. */
@Injectable()
export class Open311Service {
  constructor(
    private readonly commands: CommandBus,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  discovery(baseUrl: string) {
    return {
      changeset: '2026-11-26T00:00:00Z',
      contact: '12345 市民服务热线 / citizen hotline 12345',
      key_service: 'Ask the city for an api_key to post service requests.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${baseUrl}/open311/v2`,
          changeset: '2026-11-26T00:00:00Z',
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    };
  }

  services() {
    return this.reference.allCategories().map((c) => ({
      service_code: c.code,
      service_name: `${c.name.zh} ${c.name.en}`,
      description: `${c.name.en}. 受理 within ${c.acknowledgeWithinHours} h, 办结 within ${c.resolveWithinHours} h.`,
      metadata: true,
      type: 'realtime',
      keywords: c.keywords.join(','),
      group: c.group,
    }));
  }

  serviceDefinition(code: string) {
    const category = this.category(code);
    return {
      service_code: category.code,
      attributes: [
        {
          variable: true,
          code: LANDMARK,
          datatype: 'string',
          required: false,
          datatype_description: '附近地标，如门牌号、店名 / a nearby landmark: house number, shop name',
          order: 1,
          description: '附近地标 Nearby landmark',
        },
      ],
    };
  }

  private category(code: string): Category {
    const category = this.reference.findCategory(code);
    if (!category) throw new Open311Error(404, `service_code ${code} is not a service of this city`);
    return category;
  }

  async create(body: PostRequestBody, baseUrl: string) {
    const client = this.clientOf(body.api_key);
    if (!client) throw new Open311Error(403, 'api_key is not valid');
    const category = this.category(body.service_code);
    const location = body.lat !== undefined && body.long !== undefined ? { lat: body.lat, long: body.long } : null;
    if (location && !this.reference.isInCity(location)) throw new Open311Error(400, 'lat and long lie outside the city');
    const landmark = body.attribute ? ownValue(body.attribute, LANDMARK) : undefined;
    const parts = [
      body.description || category.name.zh,
      landmark ? `地标 ${[landmark].flat().join('、')}` : '',
      body.media_url ? `media ${body.media_url}` : '',
    ];
    const reported = await this.commands
      .execute<ReportCase, ReportedCase>(
        new ReportCase({
          intake: {
            categoryCode: category.code,
            description: parts.filter(Boolean).join('；'),
            location,
            address: body.address_string ?? null,
            photoIds: [],
            anonymous: false,
            reporter: null,
            via: 'open311',
            client,
          },
        }),
      )
      .catch((error: { code?: string; message?: string }) => {
        if (error.code?.startsWith('LOCATION.')) throw new Open311Error(400, error.message ?? 'location not usable');
        throw error;
      });
    void baseUrl;
    return [
      {
        service_request_id: reported.caseId,
        service_notice: `已收到，正在处理。Expected within ${category.resolveWithinHours} hours.`,
        account_id: null,
      },
    ];
  }

  /** The client an api_key names; an unknown key given at all is refused rather than read as no key. */
  private clientOf(apiKey: string): string | undefined {
    return this.settings.open311ApiKeys.get(apiKey);
  }

  private readerOf(apiKey: string | undefined): string | null {
    if (apiKey === undefined) return null;
    const client = this.clientOf(apiKey);
    if (!client) throw new Open311Error(403, 'api_key is not valid');
    return client;
  }

  /** caseSight for an Open311 reader: public cases, and its own requests when it shows its own key. */
  private readable(view: CaseView, client: string | null): boolean {
    const sender = client !== null && view.open311Client === client;
    return caseSight(factsOf(view, undefined), { ...STRANGER, sender }).content === 'full';
  }

  /** The rule again, as SQL: narrows the rows before the window and the limit apply. */
  private visibleWhere(where: FindOptionsWhere<CaseView>, client: string | null): FindOptionsWhere<CaseView>[] {
    const visible: FindOptionsWhere<CaseView>[] = [{ ...where, status: In([...PUBLIC_STATUSES]) }];
    if (client !== null) visible.push({ ...where, open311Client: client });
    return visible;
  }

  async list(query: ListRequestsQuery, baseUrl: string) {
    const repo = this.infrastructure.dataSource.getRepository(CaseView);
    const client = this.readerOf(query.api_key);
    if (query.service_request_id) {
      const rows = await repo.find({ where: this.visibleWhere({ caseId: In(query.service_request_id.split(',')) }, client) });
      return rows.filter((r) => this.readable(r, client)).map((r) => this.present(r, baseUrl));
    }
    const end = query.end_date ? new Date(query.end_date) : this.infrastructure.clock.now();
    const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    if (start > end) throw new Open311Error(400, 'start_date is after end_date');
    const where: FindOptionsWhere<CaseView> = { reportedAt: Between(start.toISOString(), end.toISOString()) };
    if (query.service_code) where.categoryCode = In(query.service_code.split(','));
    const rows = await repo.find({
      where: this.visibleWhere(where, client),
      order: { reportedAt: 'DESC' },
      take: query.status ? undefined : MAX_REQUESTS,
    });
    const statuses = query.status?.split(',');
    return rows
      .filter((r) => this.readable(r, client))
      .map((r) => this.present(r, baseUrl))
      .filter((r) => !statuses || statuses.includes(r.status))
      .slice(0, MAX_REQUESTS);
  }

  async one(id: string, apiKey: string | undefined, baseUrl: string) {
    const client = this.readerOf(apiKey);
    const row = await this.infrastructure.dataSource.getRepository(CaseView).findOneBy({ caseId: id });
    // A request not public yet answers like an unknown one: its existence is not the reader's to learn.
    if (!row || !this.readable(row, client)) throw new Open311Error(404, `service_request_id ${id} is not known`);
    return [this.present(row, baseUrl)];
  }

  private present(view: CaseView, baseUrl: string) {
    const category = this.reference.findCategory(view.categoryCode);
    const departmentId = view.departmentId ?? category?.leadDepartmentId;
    const department = departmentId ? this.reference.findDepartment(departmentId) : undefined;
    const photos = JSON.parse(view.afterPhotoIds === '[]' ? view.photoIds : view.afterPhotoIds) as string[];
    const expected =
      view.resolveBy ??
      (category ? new Date(new Date(view.reportedAt).getTime() + category.resolveWithinHours * 3_600_000).toISOString() : null);
    return {
      service_request_id: view.caseId,
      status: CLOSED_STATUSES.includes(view.status) ? 'closed' : 'open',
      status_notes: view.statusNotes,
      service_name: category ? `${category.name.zh} ${category.name.en}` : null,
      service_code: view.categoryCode,
      description: view.description.slice(0, 4000),
      agency_responsible: department ? `${department.name.zh} ${department.name.en}` : null,
      service_notice: null,
      requested_datetime: view.reportedAt,
      updated_datetime: view.updatedAt,
      expected_datetime: expected,
      address: view.address,
      address_id: null,
      zipcode: null,
      lat: view.lat,
      long: view.long,
      media_url: photos.length ? `${this.settings.publicBaseUrl ?? baseUrl}/api/photos/${photos[0]}` : null,
    };
  }
}
