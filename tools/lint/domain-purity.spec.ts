import { errorsOfRule } from './lint-as-workspace-files';

// Proves the rule of eslint.config.mjs that keeps services' domain folders free of frameworks, with deliberate
// violations linted as if they were files of the workspace.

const rule = 'no-restricted-imports';
const inDomain = (code: string) => ({ filePath: 'services/grid-events/src/domain/case/leaks-a-framework.ts', code });
const refusal = expect.stringContaining('Domain code is pure');

const snippets = {
  nest: inDomain("import { Injectable } from '@nestjs/common';\nexport const decorate = Injectable;\n"),
  cqrs: inDomain("import { CommandHandler } from '@nestjs/cqrs';\nexport const handler = CommandHandler;\n"),
  typeorm: inDomain("import type { EntityManager } from 'typeorm';\nexport type Store = EntityManager;\n"),
  pg: inDomain("import { Pool } from 'pg';\nexport const pool = Pool;\n"),
  kafka: inDomain("import { Kafka } from 'kafkajs';\nexport const broker = Kafka;\n"),
  deepInADomainSpec: {
    filePath: 'services/points/src/domain/ledger/nested/leaks.spec.ts',
    code: "import { Test } from '@nestjs/testing';\nexport const testing = Test;\n",
  },
  pureDomain: inDomain(
    "import { DomainError } from '@gongzhi/eventsourcing';\nimport type { PublicEventData } from '@gongzhi/contracts';\nexport type Data = PublicEventData<'CaseReported'>;\nexport const refuse = () => new DomainError('CASE.X', 'no');\n",
  ),
  commandHandler: {
    filePath: 'services/grid-events/src/commands/report-case/report-case.handler.ts',
    code: "import { CommandHandler } from '@nestjs/cqrs';\nexport const handler = CommandHandler;\n",
  },
};

describe('domain folders import no framework', () => {
  let errors: Record<keyof typeof snippets, string[]>;

  beforeAll(async () => {
    errors = await errorsOfRule(rule, snippets);
  }, 60_000);

  it('refuses Nest, TypeORM, pg and kafkajs under services/*/src/domain', () => {
    expect(errors.nest).toEqual([refusal]);
    expect(errors.cqrs).toEqual([refusal]);
    expect(errors.typeorm).toEqual([refusal]);
    expect(errors.pg).toEqual([refusal]);
    expect(errors.kafka).toEqual([refusal]);
  });

  it('reaches every depth of the domain folder, specs included', () => {
    expect(errors.deepInADomainSpec).toEqual([refusal]);
  });

  it('lets the domain use the shared pure libraries, and the handlers use Nest', () => {
    expect(errors.pureDomain).toEqual([]);
    expect(errors.commandHandler).toEqual([]);
  });
});
