/**
 * Picks Lightning's renderer. Lightning throws when getContext('webgl') returns null and never
 * falls back by itself, so WebGL is probed first; `?renderer=canvas2d|webgl` forces one.
 */
import { withParam } from './url';

const VERTEX = 'attribute vec2 p; void main() { gl_Position = vec4(p, 0.0, 1.0); }';
// mediump: Mali-400/450 have no highp in fragment shaders.
const FRAGMENT = 'precision mediump float; void main() { gl_FragColor = vec4(1.0); }';

const compiles = (gl: WebGLRenderingContext, type: number, source: string): WebGLShader | null => {
  const shader = gl.createShader(type);
  if (!shader) return null;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return gl.getShaderParameter(shader, gl.COMPILE_STATUS) ? shader : null;
};

/** What Lightning asks of getContext (WebPlatform.createWebGLContext); a canvas keeps its first context's. */
const LIGHTNING_CONTEXT: WebGLContextAttributes = {
  alpha: true,
  antialias: false,
  premultipliedAlpha: true,
  stencil: true,
  preserveDrawingBuffer: false,
};

/**
 * A canvas whose WebGL context works, or null. A context that exists is not enough: some
 * boxes hand out one that cannot link a program. The canvas goes on to Lightning, which
 * gets the same context from it: a second context would cost a slow box tens of ms at boot.
 */
const workingWebglCanvas = (): HTMLCanvasElement | null => {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl', LIGHTNING_CONTEXT) ||
      canvas.getContext('experimental-webgl', LIGHTNING_CONTEXT)) as WebGLRenderingContext | null;
    if (!gl || gl.isContextLost()) return null;
    const vertex = compiles(gl, gl.VERTEX_SHADER, VERTEX);
    const fragment = compiles(gl, gl.FRAGMENT_SHADER, FRAGMENT);
    const program = gl.createProgram();
    let linked = false;
    if (vertex && fragment && program) {
      gl.attachShader(program, vertex);
      gl.attachShader(program, fragment);
      gl.linkProgram(program);
      linked = Boolean(gl.getProgramParameter(program, gl.LINK_STATUS));
    }
    // Nothing was bound, and what was made is deleted: Lightning gets the context untouched.
    gl.deleteProgram(program);
    gl.deleteShader(vertex);
    gl.deleteShader(fragment);
    if (linked) return canvas;
    // Give the context back now: a Mali box allows only a few at once.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  } catch {
    return null;
  }
};

export type RendererChoice = { renderer: 'webgl'; canvas?: HTMLCanvasElement } | { renderer: 'canvas2d' };

/** The renderer, and for WebGL the probed canvas Lightning should draw on (none when forced). */
export const chooseRenderer = (search: string): RendererChoice => {
  const forced = new URLSearchParams(search).get('renderer');
  if (forced === 'canvas2d' || forced === 'webgl') return { renderer: forced };
  const canvas = workingWebglCanvas();
  return canvas ? { renderer: 'webgl', canvas } : { renderer: 'canvas2d' };
};

/**
 * Lightning 2 cannot restore a lost WebGL context and would leave a black screen: reload into
 * canvas2d instead, on the same page (`route()`, the router's page, put in the URL's hash,
 * which the router reads at start).
 */
export const reloadIntoCanvas2dOnContextLoss = (canvas: HTMLCanvasElement, route: () => string) => {
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    console.warn('WebGL context lost: reloading with the canvas2d renderer');
    location.replace(withParam(`${location.href.replace(/#.*$/, '')}#${route()}`, 'renderer', 'canvas2d'));
  });
};
