import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { assertResidentOf } from '../../domain/caller';
import { BuildingCommands } from '../../application/building-commands';
import { CommentCommands } from '../../application/comment-commands';
import { InterestGroupCommands } from '../../application/interest-group-commands';
import { assertMemberOfGroup, assertResidentOfBuilding } from '../../domain/topic/topic.decider';
import { PostComment } from './post-comment.command';

/** Comments are taken while the topic is in discussion, from residents of its community (of its building or its interest group, for theirs). */
@CommandHandler(PostComment)
export class PostCommentHandler implements ICommandHandler<PostComment, { commentId: string }> {
  constructor(
    private readonly comments: CommentCommands,
    private readonly buildings: BuildingCommands,
    private readonly groups: InterestGroupCommands,
  ) {}

  async execute({ data: { topicId, caller, request } }: PostComment): Promise<{ commentId: string }> {
    const topic = await this.comments.topic(topicId);
    if (topic.status !== 'Discussion')
      throw new DomainError('TOPIC.WRONG_STAGE', `comments are taken during discussion; the topic is ${topic.status}`);
    assertResidentOf(caller, topic.communityId);
    if (topic.buildingId) {
      const building = await this.buildings.building(topic.buildingId);
      assertResidentOfBuilding(caller, topic.buildingId, building.status === 'Registered' ? Object.keys(building.residents) : []);
    }
    if (topic.groupId) {
      const group = await this.groups.group(topic.groupId);
      assertMemberOfGroup(caller, topic.groupId, group.status === 'Active' ? group.memberIds : []);
    }
    const commentId = uuidv7(this.comments.now().getTime());
    await this.comments.execute(commentId, { type: 'PostComment', data: { commentId, topicId, ...request } }, caller, topic);
    return { commentId };
  }
}
