// A spec that reads the machine's clock passes on the day it was written and fails on some later one
// (a fixture date falls into the past, a deadline into the window). Specs take their time from an
// injected clock (ManualClock) or a fixed instant; waiting for something asynchronous goes through the
// polling helpers of libs/testing, which are not specs.
const advice =
  "inject a clock (ManualClock) or use a fixed instant such as new Date('2026-11-26T09:00:00Z'); to wait, use eventuallyPasses from @gongzhi/testing";

/** @type {import('eslint').Rule.RuleModule} */
export const noWallClock = {
  meta: {
    type: 'problem',
    docs: { description: 'Specs never read the wall clock: no argument-less new Date(), Date(), Date.now() or performance.now().' },
    schema: [],
    messages: {
      newDate: `new Date() without an argument reads the wall clock: ${advice}.`,
      dateCall: `Date() reads the wall clock: ${advice}.`,
      now: `{{ name }}.now() reads the wall clock: ${advice}.`,
    },
  },
  create(context) {
    const isGlobal = (node, name) => node.type === 'Identifier' && node.name === name;
    return {
      NewExpression(node) {
        if (isGlobal(node.callee, 'Date') && node.arguments.length === 0) context.report({ node, messageId: 'newDate' });
      },
      CallExpression(node) {
        if (isGlobal(node.callee, 'Date')) context.report({ node, messageId: 'dateCall' });
        const { callee } = node;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'now') return;
        for (const name of ['Date', 'performance']) {
          if (isGlobal(callee.object, name)) context.report({ node, messageId: 'now', data: { name } });
        }
      },
    };
  },
};
