import { auditCommand } from './audit';
import type { Command } from './command';
import { departmentCommand } from './department';
import { rollCommand } from './roll';
import { tokenCommand } from './token';

/** The commands that manage data in the database: staff tokens, departments, rolls and codes, audits. */
export const dataCommands: Command[] = [tokenCommand, departmentCommand, rollCommand, auditCommand];
