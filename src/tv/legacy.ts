/**
 * Entry of the legacy bundle (app.legacy.js, ES5): Babel injects core-js per use (Promise,
 * Map, Symbol, URL, URLSearchParams, ...); fetch is not an ECMAScript feature, so it comes here.
 */
import 'whatwg-fetch';
import './index';
