import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, assertAuthorityCovers, CITY_TREE, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ownValue } from '@gongzhi/contracts';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { z } from 'zod';
import { Streams } from '../application/streams';
import { RunRewardCommand, type RewardResult } from '../commands/run-stream-command/run-stream-command';
import type { RewardCommand } from '../domain/rewards/reward.decider';
import { CancelRedemption } from '../commands/cancel-redemption/cancel-redemption.command';
import { RedeemReward } from '../commands/redeem-reward/redeem-reward.command';
import type { RedemptionView } from '../commands/redeem-reward/redeem-reward.handler';
import { UseRedemption } from '../commands/use-redemption/use-redemption.command';
import { RewardView } from '../read-models/points-read-models.entities';
import { cancelRedemptionRequest, listRewardRequest, redeemRequest, restockRequest, useRedemptionRequest } from './points.requests';

const STAFF = ['admin', { role: 'community_officer', scope: 'community' }] as const;

/**
 * A reward is managed in its community's patch (docs/authority.md): its community officers and admins; a city-wide
 * reward (no community) by admins only.
 */
function assertManages(principal: Principal, communityId: string | null, action: string): void {
  assertAuthorityCovers(principal, communityId === null ? {} : CITY_TREE.placeOfCommunity(communityId), ['community_officer', 'admin'], action);
}

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class RewardsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly streams: Streams,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  private metadata(principal: Principal) {
    return commandMetadataFor(principal, this.infrastructure.clock.now());
  }

  private reward(command: RewardCommand, principal: Principal) {
    return this.commands.execute<RunRewardCommand, RewardResult>(new RunRewardCommand(command, this.metadata(principal)));
  }

  @Get('rewards')
  @ApiOperation({ summary: 'The rewards catalogue, with prices in points and stock' })
  rewards() {
    return this.infrastructure.dataSource.getRepository(RewardView).find({ order: { pricePoints: 'ASC' } });
  }

  @Post('rewards')
  @Allow(...STAFF)
  @ApiOperation({ summary: 'List a reward (e.g. 社区食堂餐券 for 100 points)' })
  async list(@CurrentPrincipal() principal: Principal, @ZodBody(listRewardRequest) body: z.output<typeof listRewardRequest>) {
    const rewardId = uuidv7(this.infrastructure.clock.now().getTime());
    const communityId = body.communityId === undefined ? (principal.scope.communityId ?? null) : body.communityId;
    assertManages(principal, communityId, 'list a reward there');
    const data = { ...body, rewardId, communityId };
    await this.reward({ type: 'ListReward', data }, principal);
    return data;
  }

  @Post('rewards/:rewardId/restock')
  @HttpCode(200)
  @Allow(...STAFF)
  @ApiOperation({ summary: 'Add items to a reward’s stock' })
  async restock(@CurrentPrincipal() principal: Principal, @Param('rewardId') rewardId: string, @ZodBody(restockRequest) body: z.output<typeof restockRequest>) {
    const reward = await this.streams.rewardState(rewardId);
    if (reward.status === 'Listed') assertManages(principal, reward.communityId, 'restock this reward');
    const { state } = await this.reward({ type: 'Restock', data: { rewardId, quantity: body.quantity } }, principal);
    return { rewardId, stock: state.status === 'Listed' ? state.stock : 0 };
  }

  @Post('redemptions')
  @Allow('resident')
  @ApiOperation({ summary: 'Redeem points for a reward: returns a voucher code (422 too few points, 409 out of stock)' })
  redeemReward(@CurrentPrincipal() principal: Principal, @ZodBody(redeemRequest) body: z.output<typeof redeemRequest>) {
    return this.commands.execute<RedeemReward, RedemptionView>(new RedeemReward(principal.subject, body.rewardId, this.metadata(principal)));
  }

  @Post('redemptions/:redemptionId/cancel')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: 'Cancel my unused redemption: points refunded, item back in stock' })
  cancelRedemption(
    @CurrentPrincipal() principal: Principal,
    @Param('redemptionId') redemptionId: string,
    @ZodBody(cancelRedemptionRequest) body: z.output<typeof cancelRedemptionRequest>,
  ) {
    return this.commands.execute<CancelRedemption, { balance: number }>(new CancelRedemption(principal.subject, redemptionId, body.reason, this.metadata(principal)));
  }

  @Post('redemptions/:residentId/:redemptionId/use')
  @HttpCode(204)
  @Allow(...STAFF)
  @ApiOperation({ summary: 'Take a voucher in (staff): it can no longer be cancelled' })
  async useRedemption(
    @CurrentPrincipal() principal: Principal,
    @Param('residentId') residentId: string,
    @Param('redemptionId') redemptionId: string,
    @ZodBody(useRedemptionRequest) body: z.output<typeof useRedemptionRequest>,
  ) {
    const redemption = ownValue((await this.streams.ledgerState(residentId)).state.redemptions, redemptionId);
    const reward = redemption ? await this.streams.rewardState(redemption.rewardId) : undefined;
    if (reward?.status === 'Listed') assertManages(principal, reward.communityId, 'take in a voucher of this reward');
    await this.commands.execute(new UseRedemption(residentId, redemptionId, body.voucherCode, this.metadata(principal)));
  }
}
