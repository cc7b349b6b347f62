import type { WhistleState } from '../../domain/whistle/whistle.state';

/** A whistle as the HTTP API shows it: its departments in summoning order, each with its check-in and task. */
export function whistleView(state: WhistleState) {
  if (state.status === 'None') return { status: state.status };
  const { departments, departmentIds, ...facts } = state;
  return {
    ...facts,
    departments: departmentIds.map((id) => {
      const { evaluatedBy, ...slot } = departments[id];
      return { ...slot, evaluations: evaluatedBy.length };
    }),
  };
}

export type PresentedWhistle = ReturnType<typeof whistleView>;
