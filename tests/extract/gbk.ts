import { execFileSync } from 'node:child_process';

/** GBK bytes of a string: Node has no GBK encoder, python3 (on every CI machine) does. */
export function gbk(s: string): Uint8Array {
  return new Uint8Array(
    execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gbk"))'], { input: s }),
  );
}
