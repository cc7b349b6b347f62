import type { Bilingual } from '../strings';

// Words of co-signing a topic (联署): the waiting topic, the button, and the refusals in plain words.
export const CO_SIGNING_ZH = {
  coSignWaiting: '等待 {n} 位居民联署',
  coSignExplain: '有本社区已核实身份的居民联署后，议题才进入社区筛选。提议人本人不能联署，每人只能联署一次。',
  coSignSend: '我来联署',
  coSigned: '你已联署这个议题，谢谢。',
  coSignOwn: '这是你提出的议题，请邻居们来联署。',
};

export const CO_SIGNING_EN: Record<keyof typeof CO_SIGNING_ZH, string> = {
  coSignWaiting: 'Waiting for {n} residents to co-sign',
  coSignExplain:
    'The topic goes to the community for screening once verified residents of the community co-sign it. The proposer cannot co-sign, and each resident co-signs once.',
  coSignSend: 'Co-sign this topic',
  coSigned: 'You co-signed this topic. Thank you.',
  coSignOwn: 'You proposed this topic: ask your neighbours to co-sign it.',
};

export const CO_SIGNING_ERROR_MESSAGES: Record<string, Bilingual> = {
  'TOPIC.OWN_TOPIC': {
    zh: '这是你提出的议题，需要其他居民来联署。',
    en: 'You proposed this topic: it needs other residents to co-sign it.',
  },
  'TOPIC.ALREADY_CO_SIGNED': { zh: '你已经联署过这个议题了。', en: 'You co-signed this topic already.' },
  'TOPIC.CO_SIGNER_UNVERIFIED': {
    zh: '联署需要先由社区工作人员核实你的身份。',
    en: 'To co-sign, a community officer first needs to verify who you are.',
  },
};
