import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONSENT_CODES, type ConsentCodes } from '../../assisted/consent-codes';
import { IssueConsentCode } from './issue-consent-code.command';

export interface IssuedConsentCode {
  readonly code: string;
  readonly expiresAt: string;
}

@CommandHandler(IssueConsentCode)
export class IssueConsentCodeHandler implements ICommandHandler<IssueConsentCode, IssuedConsentCode> {
  constructor(@Inject(CONSENT_CODES) private readonly codes: ConsentCodes) {}

  execute({ data: { resident } }: IssueConsentCode): Promise<IssuedConsentCode> {
    return this.codes.issue(resident);
  }
}
