import { builder } from '../builder';
import './enums';
import './enterprise';
import './chain';
import './segment';
import './leader';
import './relation';
import './neighbourhood';
import './system';
import './search';
import './candidates';
import './gap-report';
import './what-if';
import './equity';

export const schema = builder.toSchema({ sortSchema: false });
