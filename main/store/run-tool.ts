import { execFile } from 'node:child_process';

export class ToolError extends Error {
  constructor(readonly tool: string, readonly stderr: string, message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Runs ffmpeg/ffprobe with arguments (never a shell) and returns stdout. */
export function runTool(bin: string, args: string[], opts: { timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: opts.timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const firstLine = String(stderr).split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? err.message;
        const tool = bin.split(/[\\/]/).pop() ?? bin;
        reject(new ToolError(tool, String(stderr), (err as { killed?: boolean }).killed ? `${tool} timed out` : firstLine));
      } else {
        resolve(String(stdout));
      }
    });
  });
}
