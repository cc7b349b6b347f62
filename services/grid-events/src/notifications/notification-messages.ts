import type { PublicEvent } from '@gongzhi/contracts';
import type { ReferenceData } from '../reference-data/reference-data';

export interface NotificationText {
  readonly kind: string;
  readonly zh: string;
  readonly en: string;
}

const cityClocks = new Map<string, Intl.DateTimeFormat>();

/** A deadline as the city reads it, `2026-12-04 17:00`, in its own time zone (events carry UTC). */
export function cityTime(iso: string, timeZone: string): string {
  let clock = cityClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cityClocks.set(timeZone, clock);
  }
  const part = Object.fromEntries(clock.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The zone's name as the reader knows it: 北京时间 for China's, else its IANA name. */
const ZONE_NAMES_ZH: Readonly<Record<string, string>> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Chongqing': '北京时间',
  'Asia/Urumqi': '乌鲁木齐时间',
};

/** What the reporter is told at each step of the loop ("事事有回音"); null for steps that concern only staff. */
export function notificationFor(event: PublicEvent, reference: ReferenceData, timeZone: string): NotificationText | null {
  const when = (iso: string) => ({
    zh: `${cityTime(iso, timeZone)}（${ZONE_NAMES_ZH[timeZone] ?? timeZone}）`,
    en: `${cityTime(iso, timeZone)} (${timeZone} time)`,
  });
  switch (event.type) {
    case 'CaseReported':
      return { kind: 'received', zh: '已收到您的反映，正在处理。', en: 'We have received your report and are on it.' };
    case 'CaseAccepted':
      return { kind: 'accepted', zh: '您反映的问题已受理。', en: 'Your report has been accepted.' };
    case 'CaseRejected':
      return {
        kind: 'rejected',
        zh: `您反映的问题未予受理：${event.data.reason}`,
        en: `Your report was not accepted: ${event.data.reason}`,
      };
    case 'CaseVoided':
      return {
        kind: 'voided',
        zh: `您反映的问题经核实无效，已作废：${event.data.reason}`,
        en: `Your report was found invalid and voided: ${event.data.reason}`,
      };
    case 'CaseMerged':
      return {
        kind: 'merged',
        zh: '您反映的问题已有人反映，已合并处理，您可继续关注进展。',
        en: 'Someone reported this problem already; your report joined theirs and you will hear how it goes.',
      };
    case 'CaseDispatched': {
      const department = event.data.departmentId ? reference.findDepartment(event.data.departmentId) : undefined;
      const who = department ? { zh: department.name.zh, en: department.name.en } : { zh: '网格员', en: 'your grid worker' };
      return {
        kind: 'dispatched',
        zh: `已交由${who.zh}处理，预计 ${when(event.data.resolveBy).zh} 前办结。`,
        en: `Passed to ${who.en}; expected to be fixed by ${when(event.data.resolveBy).en}.`,
      };
    }
    case 'CaseAssignmentDeclined':
      return { kind: 'redispatching', zh: '正在重新分派处置单位。', en: 'We are finding the right department for it.' };
    case 'CaseAcknowledged':
      return { kind: 'acknowledged', zh: '处置单位已签收，正在处理。', en: 'The assignee has taken the case and is working on it.' };
    case 'CaseResolved':
      return {
        kind: 'resolved',
        zh: '问题已处置完毕，请您确认是否解决。',
        en: 'The problem has been fixed: please confirm, or say it is not.',
      };
    case 'CaseConfirmed':
      return event.data.autoCloseAt
        ? { kind: 'evaluate', zh: '感谢确认，请为本次处置评分。', en: 'Thank you. Please rate how it was handled.' }
        : null;
    case 'CaseReopened': {
      const { resolveBy } = event.data;
      // null: nobody held the case (a whistle resolved it), so it is being dispatched anew; absent: recorded
      // before reopenings set a time, back with its assignee.
      if (resolveBy === null) {
        return {
          kind: 'reopened',
          zh: '已重新打开，正在重新安排处置单位，派单后将告知办结时限。',
          en: 'The case is open again and is being assigned anew; you will be told the deadline once it is.',
        };
      }
      if (!resolveBy) return { kind: 'reopened', zh: '已重新交办，请耐心等待。', en: 'The case is back with its assignee.' };
      return {
        kind: 'reopened',
        zh: `已重新交办，预计 ${when(resolveBy).zh} 前办结。`,
        en: `The case is back with its assignee; expected to be fixed by ${when(resolveBy).en}.`,
      };
    }
    case 'CaseEscalated':
      return { kind: 'escalated', zh: '案件已提级协调处理。', en: 'The case has been escalated for joint handling.' };
    case 'CaseClosed':
      return { kind: 'closed', zh: '案件已办结，感谢您的参与！', en: 'The case is closed. Thank you for taking part!' };
    default:
      return null;
  }
}
