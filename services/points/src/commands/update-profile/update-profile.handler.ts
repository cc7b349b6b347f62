import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { UpdateProfile } from './update-profile.command';

export interface ProfileView {
  readonly displayName: string;
  readonly communityId: string | null;
}

/** The account's name unless the resident chose one; the community is always the token's, never the caller's word. */
@CommandHandler(UpdateProfile)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfile, ProfileView> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, displayName: chosen } }: UpdateProfile): Promise<ProfileView> {
    const displayName = chosen ?? principal.displayName ?? '居民';
    const communityId = principal.scope.communityId ?? null;
    await this.streams.ledger(
      { type: 'UpdateProfile', data: { residentId: principal.subject, displayName, communityId } },
      commandMetadataFor(principal, this.streams.now()),
    );
    return { displayName, communityId };
  }
}
