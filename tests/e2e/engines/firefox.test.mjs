// The cross-engine end-to-end tests (suite.mjs) in Firefox.
import { engineSuite } from './suite.mjs';

engineSuite('firefox');
