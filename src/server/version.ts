import pkg from '../../package.json';

/** The app version the server reports; bundled in by esbuild from package.json. */
export const APP_VERSION: string = pkg.version;
