// The cross-engine end-to-end tests (suite.mjs) in WebKit (run under `xvfb-run -a`).
import { engineSuite } from './suite.mjs';

engineSuite('webkit');
