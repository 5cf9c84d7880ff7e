// The decision chain (决策链) of a customer as the card draws it: its key
// people placed by role, each with attitude and who on our side knows them;
// the roles nobody covers are flagged (a missing decision maker most of
// all: the dependence score's red flag).
import { ROLES, type Attitude, type Person, type Role } from './types';

export interface ChainPerson {
  id: string;
  name: string;
  title: string;
  attitude: Attitude | null;
  /** Our colleagues who know them. */
  knownBy: string[];
}

export interface ChainRole {
  role: Role;
  people: ChainPerson[];
  /** Nobody we know plays this role. */
  uncovered: boolean;
}

export interface Chain {
  roles: ChainRole[];
  /** People whose role is not recorded yet. */
  unplaced: ChainPerson[];
  /** Uncovered roles, the decision maker first. */
  gaps: Role[];
}

function brief(p: Person): ChainPerson {
  return { id: p.id, name: p.name, title: p.title, attitude: p.attitude, knownBy: p.known_by.map((k) => k.name).filter(Boolean) };
}

export function chainOf(people: Person[]): Chain {
  const roles = ROLES.map((role) => {
    const here = people.filter((p) => p.role === role).map(brief);
    return { role, people: here, uncovered: here.length === 0 };
  });
  return {
    roles,
    unplaced: people.filter((p) => !p.role).map(brief),
    gaps: roles.filter((r) => r.uncovered).map((r) => r.role),
  };
}
