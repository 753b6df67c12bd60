import type { Core } from '@strapi/strapi';
import { Writable } from 'stream';
import winston from 'winston';

export interface LogCapture {
  /** Everything logged or printed since the start (or the last clear). */
  text: () => string;
  clear: () => void;
  /** Puts the logger, the console and the process' streams back as they were. */
  stop: () => void;
}

/**
 * Every log line, through a transport of Strapi's own winston logger, and anything else written to
 * the console or the process' streams: what a log shipper would see.
 */
export const captureLogs = (strapi: Core.Strapi): LogCapture => {
  let captured = '';
  const restore: Array<() => void> = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      captured += chunk.toString();
      callback();
    },
  });
  const transport = new winston.transports.Stream({ stream: sink, level: 'silly' });
  strapi.log.add(transport);
  restore.push(() => strapi.log.remove(transport));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      captured += args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ') + '\n';
    };
    restore.push(() => (console[method] = original));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured += String(chunk);
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
  return {
    text: () => captured,
    clear: () => {
      captured = '';
    },
    stop: () => restore.reverse().forEach((undo) => undo()),
  };
};
