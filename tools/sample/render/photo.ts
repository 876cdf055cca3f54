/**
 * Stand-ins for photographs: a drawn head-and-shoulders silhouette with the person's name,
 * and simple drawn scenes (village street, meeting room, road works, fields, a square)
 * with a caption. Flat shapes and gradients keep the JPEGs small.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../prng';
import { ensureFont, fitText, font } from './canvas';

export const PORTRAIT = { width: 360, height: 450 } as const;
export const SCENE = { width: 960, height: 540 } as const;
const QUALITY = 55;

const BACKDROPS = ['#dfe7ef', '#e8e1d6', '#dde8de', '#e9e4ec'];
const CLOTHES = ['#2d3e50', '#3b4a3f', '#4a3b3b', '#33415c', '#5b4636'];

export const renderPortrait = (rng: Rng, name: string, role: string, sex: 'male' | 'female'): Buffer => {
  ensureFont();
  const { width: W, height: H } = PORTRAIT;
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  const bg = g.createLinearGradient(0, 0, 0, H);
  bg.addColorStop(0, rng.pick(BACKDROPS));
  bg.addColorStop(1, '#c9d2da');
  g.fillStyle = bg;
  g.fillRect(0, 0, W, H);
  // Shoulders, neck, head, hair.
  g.fillStyle = rng.pick(CLOTHES);
  g.beginPath();
  g.ellipse(W / 2, H - 40, 150, 120, 0, Math.PI, 0);
  g.fill();
  g.fillStyle = '#e6c7a8';
  g.fillRect(W / 2 - 26, 210, 52, 70);
  g.beginPath();
  g.ellipse(W / 2, 175, 70, 86, 0, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#2b2522';
  g.beginPath();
  if (sex === 'female') {
    g.ellipse(W / 2, 150, 82, 78, 0, Math.PI, 0);
    g.fill();
    g.fillRect(W / 2 - 82, 150, 22, 110);
    g.fillRect(W / 2 + 60, 150, 22, 110);
  } else {
    g.ellipse(W / 2, 135, 74, 50, 0, Math.PI, 0);
    g.fill();
  }
  // Collar of a white shirt.
  g.fillStyle = '#f4f4f4';
  g.beginPath();
  g.moveTo(W / 2 - 30, 282);
  g.lineTo(W / 2, 320);
  g.lineTo(W / 2 + 30, 282);
  g.closePath();
  g.fill();
  g.fillStyle = 'rgba(20, 30, 40, 0.78)';
  g.fillRect(0, H - 96, W, 96);
  g.fillStyle = '#ffffff';
  g.textAlign = 'center';
  g.font = font(36);
  g.fillText(name, W / 2, H - 52);
  fitText(g, role, W / 2, H - 16, 22, W - 24);
  return c.encodeSync('jpeg', QUALITY);
};

export type SceneKind = 'village' | 'meeting' | 'road' | 'field' | 'square' | 'office';

const sky = (g: SKRSContext2D, rng: Rng, horizon: number) => {
  const grad = g.createLinearGradient(0, 0, 0, horizon);
  grad.addColorStop(0, rng.pick(['#8fb8de', '#a9c8e6', '#9fc0d8']));
  grad.addColorStop(1, '#e4eef6');
  g.fillStyle = grad;
  g.fillRect(0, 0, SCENE.width, horizon);
};

const ground = (g: SKRSContext2D, horizon: number, color: string) => {
  g.fillStyle = color;
  g.fillRect(0, horizon, SCENE.width, SCENE.height - horizon);
};

const house = (g: SKRSContext2D, x: number, base: number, w: number, h: number, wall: string) => {
  g.fillStyle = wall;
  g.fillRect(x, base - h, w, h);
  g.fillStyle = '#8a3b2e';
  g.beginPath();
  g.moveTo(x - 10, base - h);
  g.lineTo(x + w / 2, base - h - w * 0.32);
  g.lineTo(x + w + 10, base - h);
  g.closePath();
  g.fill();
  g.fillStyle = '#5b6f82';
  g.fillRect(x + w * 0.2, base - h * 0.7, w * 0.22, h * 0.3);
  g.fillRect(x + w * 0.58, base - h * 0.7, w * 0.22, h * 0.3);
};

const tree = (g: SKRSContext2D, x: number, base: number, size: number) => {
  g.fillStyle = '#6b4f35';
  g.fillRect(x - size * 0.07, base - size * 0.9, size * 0.14, size * 0.9);
  g.fillStyle = '#4f7a45';
  g.beginPath();
  g.arc(x, base - size, size * 0.45, 0, Math.PI * 2);
  g.fill();
};

const person = (g: SKRSContext2D, x: number, base: number, size: number, color: string) => {
  g.fillStyle = color;
  g.beginPath();
  g.ellipse(x, base - size * 0.3, size * 0.28, size * 0.34, 0, Math.PI, 0);
  g.fill();
  g.fillStyle = '#3a302a';
  g.beginPath();
  g.arc(x, base - size * 0.78, size * 0.17, 0, Math.PI * 2);
  g.fill();
};

const drawScene = (g: SKRSContext2D, rng: Rng, kind: SceneKind) => {
  const W = SCENE.width;
  if (kind === 'meeting' || kind === 'office') {
    g.fillStyle = '#efe9dc';
    g.fillRect(0, 0, W, SCENE.height);
    g.fillStyle = '#b5322b';
    g.fillRect(W * 0.12, 40, W * 0.76, 70);
    g.fillStyle = '#f6e7a8';
    g.textAlign = 'center';
    g.font = font(38);
    g.fillText(kind === 'meeting' ? rng.pick(['村民代表会议', '党员大会', '民主评议会']) : '党群服务中心', W / 2, 90);
    g.fillStyle = '#8c6a4a';
    g.fillRect(W * 0.1, 300, W * 0.8, 36);
    for (let i = 0; i < 9; i++) person(g, W * 0.14 + i * W * 0.09, 300, 110 + rng.int(-10, 10), rng.pick(CLOTHES));
    g.fillStyle = '#a98c6b';
    g.fillRect(W * 0.1, 336, W * 0.8, 120);
    return;
  }
  const horizon = rng.int(230, 290);
  sky(g, rng, horizon);
  if (kind === 'field') {
    ground(g, horizon, '#9ab65f');
    g.strokeStyle = '#7f9a4c';
    g.lineWidth = 6;
    for (let i = -8; i < 16; i++) {
      g.beginPath();
      g.moveTo(W / 2, horizon);
      g.lineTo(i * 80, SCENE.height);
      g.stroke();
    }
    for (let i = 0; i < 5; i++) tree(g, 60 + i * 210, horizon + 6, 60);
    return;
  }
  ground(g, horizon, kind === 'square' ? '#c9c1b2' : '#b8b0a0');
  for (let x = -20; x < W; x += rng.int(150, 210))
    house(g, x, horizon + 10, rng.int(110, 160), rng.int(80, 110), rng.pick(['#e9e2d0', '#ddd3bf', '#efe8da']));
  if (kind === 'road') {
    g.fillStyle = '#7d7d7d';
    g.beginPath();
    g.moveTo(W * 0.42, horizon + 10);
    g.lineTo(W * 0.58, horizon + 10);
    g.lineTo(W * 0.95, SCENE.height);
    g.lineTo(W * 0.05, SCENE.height);
    g.closePath();
    g.fill();
    g.strokeStyle = '#f2f2f2';
    g.lineWidth = 6;
    g.setLineDash([30, 26]);
    g.beginPath();
    g.moveTo(W / 2, horizon + 12);
    g.lineTo(W / 2, SCENE.height);
    g.stroke();
    g.setLineDash([]);
  }
  if (kind === 'square')
    for (let i = 0; i < 7; i++)
      person(g, 120 + i * 120 + rng.int(-20, 20), horizon + 150 + rng.int(0, 60), 90, rng.pick(CLOTHES));
  for (let i = 0; i < 4; i++) tree(g, rng.int(0, W), horizon + 30 + rng.int(0, 40), rng.int(70, 110));
};

export const renderScene = (rng: Rng, kind: SceneKind, caption: string): Buffer => {
  ensureFont();
  const c = createCanvas(SCENE.width, SCENE.height);
  const g = c.getContext('2d');
  drawScene(g, rng, kind);
  g.fillStyle = 'rgba(20, 30, 40, 0.72)';
  g.fillRect(0, SCENE.height - 64, SCENE.width, 64);
  g.fillStyle = '#ffffff';
  g.textAlign = 'left';
  fitText(g, caption, 24, SCENE.height - 22, 30, SCENE.width - 200);
  g.textAlign = 'right';
  g.font = font(20);
  g.fillText('示例图片（虚构）', SCENE.width - 20, SCENE.height - 24);
  return c.encodeSync('jpeg', QUALITY);
};
