/** The operators' console: a bundle of its own (rollup.config.js), served by the service at /console/. */
import { render } from 'preact';
import { App } from './App';

render(<App />, document.getElementById('app')!);
