import type { Caller } from '../../domain/caller';

/** 联署: a verified neighbour co-signs a proposed topic so it can go to screening. */
export class CoSignTopic {
  readonly type = 'CoSignTopic';
  constructor(readonly data: { readonly topicId: string; readonly caller: Caller }) {}
}
