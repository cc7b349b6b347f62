import { BadRequestException, NotFoundException, PayloadTooLargeException, ServiceUnavailableException } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  DomainError,
  InvalidEventError,
  PartialDuplicateAppendError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '@gongzhi/eventsourcing';
import { AuthenticationError, ForbiddenError, ValidationFailedError } from '@gongzhi/identity';
import { platformErrorResponse } from './error-response';
import { ErrorStatuses } from './error-statuses';

const statuses = new ErrorStatuses();
const answer = (error: unknown) => platformErrorResponse(error, statuses, 'corr-1');
const statusOf = (error: unknown) => answer(error).status;

describe('platformErrorResponse', () => {
  describe('domain errors', () => {
    it('answers a rule of the domain that said no with 422 and its code and message', () => {
      expect(answer(new DomainError('CASE.ALREADY_CLOSED', 'Case case-1 is closed'))).toEqual({
        status: 422,
        headers: {},
        serverFault: false,
        body: { statusCode: 422, code: 'CASE.ALREADY_CLOSED', message: 'Case case-1 is closed' },
      });
    });

    it.each([
      ['CASE.NOT_FOUND', 404],
      ['WHISTLE.NOT_FOUND', 404],
      ['ASSIGNMENT.FORBIDDEN', 403],
      ['TOPIC.VOTING_CLOSED', 422],
      ['NOT_FOUND.ELSEWHERE', 422],
    ])('answers %s with %i', (code, status) => {
      expect(statusOf(new DomainError(code, 'no'))).toBe(status);
    });

    it('answers conflicts with 409 and invalid events with 400', () => {
      expect(statusOf(new ConcurrencyConflictError('case-1', 3))).toBe(409);
      expect(statusOf(new WrongExpectedVersionError('case-1', 2, 3))).toBe(409);
      expect(statusOf(new InvalidEventError('events[0].type must be a non-empty string'))).toBe(400);
    });

    it('answers a half-repeated append, a bug of ours, with 500', () => {
      expect(answer(new PartialDuplicateAppendError('case-1', ['e1']))).toMatchObject({ status: 500, serverFault: true });
    });

    it('lists field errors a domain error carries', () => {
      const error = new DomainError('CASE.INVALID_LOCATION', 'outside the city', {
        errors: [{ path: 'location.lat', message: 'outside the city' }],
      });

      expect(answer(error).body.errors).toEqual([{ path: 'location.lat', message: 'outside the city' }]);
    });

    it('names the one field at fault a domain error carries, and nothing else of its details', () => {
      const error = new DomainError('CATEGORY.UNKNOWN', 'unknown category city.ufo', { field: 'categoryCode', categoryCode: 'city.ufo' });

      expect(answer(error).body).toEqual({
        statusCode: 422,
        code: 'CATEGORY.UNKNOWN',
        message: 'unknown category city.ufo',
        errors: [{ path: 'categoryCode', message: 'unknown category city.ufo' }],
      });
    });

    it('prefers the list of field errors to the one field, and ignores a field that is not a name', () => {
      const listed = new DomainError('CASE.INVALID_LOCATION', 'outside', {
        field: 'location',
        errors: [{ path: 'location.lat', message: 'outside' }],
      });

      expect(answer(listed).body.errors).toEqual([{ path: 'location.lat', message: 'outside' }]);
      expect(answer(new DomainError('CASE.INVALID_LOCATION', 'outside', { field: 42 })).body).not.toHaveProperty('errors');
      expect(answer(new DomainError('CASE.INVALID_LOCATION', 'outside', { field: '' })).body).not.toHaveProperty('errors');
    });
  });

  describe('identity errors', () => {
    it('answers them as identity does, headers included', () => {
      const missing = answer(AuthenticationError.missingToken());

      expect(missing).toMatchObject({ status: 401, headers: { 'WWW-Authenticate': 'Bearer' }, body: { code: 'AUTH.MISSING_TOKEN' } });
      expect(statusOf(new ForbiddenError('needs role admin'))).toBe(403);
      expect(answer(new ValidationFailedError([{ path: 'title', message: 'required' }])).body).toEqual({
        statusCode: 400,
        code: 'VALIDATION.FAILED',
        message: 'invalid request: title',
        errors: [{ path: 'title', message: 'required' }],
      });
    });
  });

  describe("Nest's HTTP exceptions", () => {
    it('answers an unknown route with 404 in the same body', () => {
      expect(answer(new NotFoundException('Cannot GET /nope')).body).toEqual({
        statusCode: 404,
        code: 'HTTP.NOT_FOUND',
        message: 'Cannot GET /nope',
      });
    });

    it('answers malformed JSON with 400', () => {
      const error = new BadRequestException("Expected property name or '}' in JSON at position 1");

      expect(answer(error).body).toEqual({
        statusCode: 400,
        code: 'HTTP.BAD_REQUEST',
        message: "Expected property name or '}' in JSON at position 1",
      });
    });

    it('joins a list of messages', () => {
      expect(answer(new BadRequestException(['a is required', 'b is required'])).body.message).toBe('a is required; b is required');
    });

    it('keeps a status and message a developer chose', () => {
      expect(answer(new ServiceUnavailableException('photos cannot be stored now'))).toMatchObject({
        status: 503,
        serverFault: true,
        body: { code: 'HTTP.SERVICE_UNAVAILABLE', message: 'photos cannot be stored now' },
      });
      expect(statusOf(new PayloadTooLargeException())).toBe(413);
    });

    it("answers the errors Express' body parser raises for the caller by their status", () => {
      const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, expose: true });

      expect(answer(tooLarge).body).toEqual({ statusCode: 413, code: 'HTTP.PAYLOAD_TOO_LARGE', message: 'request entity too large' });
    });
  });

  describe('anything else', () => {
    it('answers 500 INTERNAL with the correlation id and nothing of the error', () => {
      const response = answer(new Error('password authentication failed for user "gongzhi"'));

      expect(response).toEqual({
        status: 500,
        headers: {},
        serverFault: true,
        body: { statusCode: 500, code: 'INTERNAL', message: 'An unexpected error occurred (correlation id corr-1)' },
      });
    });

    it('answers an unreachable store with 503, without its address', () => {
      const response = answer(new StoreUnavailableError('esdb://10.0.3.7:2113', new Error('ECONNREFUSED')));

      expect(response).toMatchObject({ status: 503, serverFault: true, body: { code: 'EVENTSTORE.UNAVAILABLE' } });
      expect(response.body.message).not.toContain('10.0.3.7');
    });

    it('answers a database that is away with 503 and Retry-After, not 500, without its address', () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.3.8:5432'), { code: 'ECONNREFUSED' });
      const restarting = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

      for (const error of [
        refused,
        new Error('Connection terminated unexpectedly'),
        { driverError: restarting, message: 'query failed' },
      ]) {
        const response = answer(error);
        expect(response).toMatchObject({
          status: 503,
          serverFault: true,
          headers: { 'Retry-After': '5' },
          body: { code: 'DATABASE.UNAVAILABLE' },
        });
        expect(response.body.message).not.toContain('10.0.3.8');
      }
      expect(answer(new StoreUnavailableError('esdb://10.0.3.7:2113', new Error('ECONNREFUSED'))).headers).toEqual({ 'Retry-After': '5' });
    });

    it('does not take the status of an error that is not meant for the caller', () => {
      expect(statusOf(Object.assign(new Error('internal'), { status: 400, expose: false }))).toBe(500);
      expect(statusOf('a thrown string')).toBe(500);
    });
  });
});

describe('ErrorStatuses', () => {
  it("lets a service add codes and patterns that win over the platform's", () => {
    const table = new ErrorStatuses({ 'CASE.DUPLICATE_REPORT': 409 });
    table.register({ 'OPEN311.*': 400, 'POINTS.NOT_FOUND': 410 });

    expect(table.statusOf('CASE.DUPLICATE_REPORT')).toBe(409);
    expect(table.statusOf('OPEN311.SERVICE_CODE_UNKNOWN')).toBe(400);
    expect(table.statusOf('OPEN311.NOT_FOUND')).toBe(400);
    expect(table.statusOf('POINTS.NOT_FOUND')).toBe(410);
    expect(table.statusOf('CASE.NOT_FOUND')).toBe(404);
    expect(table.statusOf('CASE.ALREADY_CLOSED')).toBe(422);
  });

  it('lets a service override a default, but refuses two services giving one rule different statuses', () => {
    const table = new ErrorStatuses();
    table.register({ 'EVENTSTORE.INVALID_EVENT': 422, 'CASE.ALREADY_CLOSED': 409 });
    table.register({ 'CASE.ALREADY_CLOSED': 409, 'TOPIC.ALREADY_EXISTS': 409 });

    expect(table.statusOf('EVENTSTORE.INVALID_EVENT')).toBe(422);
    expect(() => table.register({ 'TOPIC.CLOSED': 409, 'CASE.ALREADY_CLOSED': 422 })).toThrow(
      'Error status rule "CASE.ALREADY_CLOSED" is registered twice, as 409 and as 422',
    );
    expect(table.statusOf('CASE.ALREADY_CLOSED')).toBe(409);
    expect(table.statusOf('TOPIC.CLOSED')).toBe(422);
  });

  it('refuses a rule it could not apply', () => {
    expect(() => new ErrorStatuses({ 'CASE.*.X': 400 })).toThrow(
      'Error status rule "CASE.*.X" must be a code (CASE.ALREADY_CLOSED), *.SUFFIX or PREFIX.*',
    );
    expect(() => new ErrorStatuses({ 'CASE.GONE': 200 })).toThrow('must be an HTTP error status (400–599), got 200');
  });
});
