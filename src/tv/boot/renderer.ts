/**
 * Picks Lightning's renderer. Lightning throws when getContext('webgl') returns null and never
 * falls back by itself, so WebGL is probed first; `?renderer=canvas2d|webgl` forces one.
 */
import { withParam } from './url';

export type Renderer = 'webgl' | 'canvas2d';

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

/** A context that exists is not enough: some boxes hand out one that cannot link a program. */
const webglWorks = (): boolean => {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl') || canvas.getContext('experimental-webgl')) as WebGLRenderingContext | null;
    if (!gl || gl.isContextLost()) return false;
    const vertex = compiles(gl, gl.VERTEX_SHADER, VERTEX);
    const fragment = compiles(gl, gl.FRAGMENT_SHADER, FRAGMENT);
    const program = gl.createProgram();
    if (!vertex || !fragment || !program) return false;
    gl.attachShader(program, vertex);
    gl.attachShader(program, fragment);
    gl.linkProgram(program);
    const linked = Boolean(gl.getProgramParameter(program, gl.LINK_STATUS));
    // Give the probe's context back now: a Mali box allows only a few at once.
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return linked;
  } catch {
    return false;
  }
};

export const chooseRenderer = (search: string): Renderer => {
  const forced = new URLSearchParams(search).get('renderer');
  if (forced === 'canvas2d' || forced === 'webgl') return forced;
  return webglWorks() ? 'webgl' : 'canvas2d';
};

/**
 * Lightning 2 cannot restore a lost WebGL context and would leave a black screen: reload into
 * canvas2d instead, on the same page (the router keeps it in the hash).
 */
export const reloadIntoCanvas2dOnContextLoss = (canvas: HTMLCanvasElement) => {
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    console.warn('WebGL context lost: reloading with the canvas2d renderer');
    location.replace(withParam(location.href, 'renderer', 'canvas2d'));
  });
};
