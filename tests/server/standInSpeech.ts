/**
 * A stand-in speech engine for tests, speaking the service's documented interface
 * (POST {text, voice} → audio): it answers with a generated WAV tone, a tenth of a second
 * per character, and records what it was asked to say.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const RATE = 8000;

export const wav = (seconds: number): Buffer => {
  const samples = Math.round(seconds * RATE);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
};

export interface StandInSpeech {
  url: string;
  requests: { text: string; voice: string }[];
  close(): Promise<void>;
}

export const startStandInSpeech = async (): Promise<StandInSpeech> => {
  const requests: StandInSpeech['requests'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { text, voice } = JSON.parse(body) as { text: string; voice: string };
      requests.push({ text, voice });
      response.writeHead(200, { 'content-type': 'audio/wav' }).end(wav(Math.min(Array.from(text).length / 10, 20)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/speak`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
