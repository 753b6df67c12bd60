import path from 'path';

export const ROOT_DIR = path.resolve(__dirname, '..', '..');
export const PLAYGROUND_DIR = path.join(ROOT_DIR, 'playground');
export const PLAYGROUND_DIST_DIR = path.join(PLAYGROUND_DIR, 'dist');
export const PLUGIN_SOURCE_ENTRY = path.join(__dirname, 'plugin-source');
