'use strict';

// The full demo (simulator, seeded campaigns, participant page) is not built yet.
console.log('npm run demo: not yet. Use `npm run develop` to start the playground with its admin.');
