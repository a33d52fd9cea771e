// Claude Code session logs for the replay benchmark, in the layout Claude Code writes
// (~/.claude/projects/<project>/<session>.jsonl): the model's answers with message.usage, one line
// per content block (so an answer streamed in two blocks is logged twice, same ids), the user's
// prompts and tool results between them, texts of a few hundred bytes to a few KB. Seeded: the
// same lines every run.
//
//   node bench/claude-code-logs.mjs <dir> <lines>     writes <dir>/projects/p<k>/s<n>.jsonl
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeClaudeCodeLogs(dir, lines, { seed = 1, linesPerFile = 10_000 } = {}) {
  let state = seed;
  const next = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
  const words = 'the a test file function error fix build run value return import export const type module change line code review tool result'.split(' ');
  const text = (min, spread) => {
    const out = [];
    for (let length = 0, target = min + next(spread); length < target; ) {
      const word = words[next(words.length)];
      out.push(word);
      length += word.length + 1;
    }
    return out.join(' ');
  };
  const models = ['claude-sonnet-4-6', 'claude-sonnet-4-6', 'claude-opus-4-7'];
  let written = 0;
  let file = 0;
  let message = 0;
  const time = Date.UTC(2026, 5, 1);
  while (written < lines) {
    const count = Math.min(linesPerFile, lines - written);
    const session = `s${String(file).padStart(5, '0')}`;
    const out = [];
    while (out.length < count) {
      const at = new Date(time + (written + out.length) * 5_000).toISOString();
      if (next(5) < 2) {
        out.push(JSON.stringify({ parentUuid: `u${written + out.length - 1}`, isSidechain: false, userType: 'external', cwd: '/home/dev/project', sessionId: session, version: '2.1.3', gitBranch: 'main', type: 'user', message: { role: 'user', content: [{ tool_use_id: `toolu_${message}`, type: 'tool_result', content: text(200, 3000) }] }, uuid: `u${written + out.length}`, timestamp: at }));
        continue;
      }
      message++;
      const usage = {
        input_tokens: next(50),
        cache_creation_input_tokens: next(20_000),
        cache_read_input_tokens: next(150_000),
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: 1 + next(2_000),
        service_tier: 'standard',
      };
      usage.cache_creation.ephemeral_1h_input_tokens = next(2) === 0 ? usage.cache_creation_input_tokens : 0;
      usage.cache_creation.ephemeral_5m_input_tokens = usage.cache_creation_input_tokens - usage.cache_creation.ephemeral_1h_input_tokens;
      const blocks = 1 + next(2);
      for (let b = 0; b < blocks && out.length < count; b++) {
        const content = b === 0 ? [{ type: 'text', text: text(50, 1500) }] : [{ type: 'tool_use', id: `toolu_${message}`, name: 'Edit', input: { file_path: '/home/dev/project/src/index.ts', old_string: text(20, 300), new_string: text(20, 300) } }];
        out.push(JSON.stringify({ parentUuid: `u${written + out.length - 1}`, isSidechain: false, userType: 'external', cwd: '/home/dev/project', sessionId: session, version: '2.1.3', gitBranch: 'main', message: { id: `msg_${String(message).padStart(12, '0')}`, type: 'message', role: 'assistant', model: models[next(models.length)], content, stop_reason: null, stop_sequence: null, usage }, requestId: `req_${String(message).padStart(12, '0')}`, type: 'assistant', uuid: `a${written + out.length}`, timestamp: at }));
      }
    }
    const folder = path.join(dir, 'projects', `p${file % 7}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${session}.jsonl`), `${out.join('\n')}\n`);
    written += count;
    file++;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeClaudeCodeLogs(process.argv[2], Number(process.argv[3]));
