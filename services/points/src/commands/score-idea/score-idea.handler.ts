import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { ScoreIdea } from './score-idea.command';

/** Whether the caller is a juror is the contest's own knowledge: the decider refuses anyone not named at opening. */
@CommandHandler(ScoreIdea)
export class ScoreIdeaHandler implements ICommandHandler<ScoreIdea> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, contestId, request } }: ScoreIdea) {
    const data = { contestId, entryId: request.entryId, jurorId: principal.subject, score: request.score };
    await this.streams.contest({ type: 'ScoreIdea', data }, commandMetadataFor(principal, this.streams.now()));
    return { entryId: request.entryId, score: request.score };
  }
}
