// The cross-engine end-to-end tests (suite.mjs) in Chromium.
import { engineSuite } from './suite.mjs';

engineSuite('chromium');
