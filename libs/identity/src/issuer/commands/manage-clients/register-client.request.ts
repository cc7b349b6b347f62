import { z } from 'zod';
import { CLIENT_KINDS } from '../../clients/client-kinds';
import { requiredText } from '../../request-fields';

const idPattern = /^[a-z0-9][a-z0-9-]{2,63}$/;

export const registerClientRequest = z
  .object({
    clientId: z.string().regex(idPattern, '3–64 lower-case letters, digits and dashes, starting with a letter or digit'),
    displayName: requiredText(100),
    kind: z.enum(CLIENT_KINDS, { error: `one of ${CLIENT_KINDS.join(', ')}` }),
    departmentId: z.string().regex(idPattern, 'a department id such as dept-chengguan').optional(),
  })
  .superRefine((request, context) => {
    if (request.kind === 'department_system' && request.departmentId === undefined) {
      context.addIssue({ code: 'custom', path: ['departmentId'], message: 'required: the department this system acts for' });
    }
    if (request.kind !== 'department_system' && request.departmentId !== undefined) {
      context.addIssue({ code: 'custom', path: ['departmentId'], message: 'only a department system acts for a department' });
    }
  });
export type RegisterClientRequest = z.output<typeof registerClientRequest>;
