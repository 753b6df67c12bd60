'use strict';

module.exports = require('../../../server/src/index.ts').default;
