import { auditMutations } from '../audit-mutations';
import { builder } from '../builder';
import './enums';
import './node-types';
import './enterprise';
import './enterprise-links';
import './chain';
import './segment';
import './leader';
import './relation';
import './neighbourhood';
import './path';
import './system';
import './search';
import './candidates';
import './gap-report';
import './chokepoints';
import './what-if';
import './changes';
import './equity';
import './mutations';
import './lead';
import './lead-effect';
import './lead-mutations';
import './lead-moves';
import './access';

/** The schema, every mutation field recording itself in the audit log as it runs. */
export const schema = auditMutations(builder.toSchema({ sortSchema: false }));
