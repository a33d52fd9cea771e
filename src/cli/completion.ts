/**
 * `cloudtco completion bash|zsh|fish`: a completion script made from the commands themselves
 * (commander's tree), so it never falls behind them: commands and subcommands, each one's
 * options, an option's choices where it has them (--format, --by, --preset…), and file names
 * for arguments and for options that take a path. zsh runs the bash script through its
 * bashcompinit.
 */
import type { Command, Option } from 'commander';

interface Node {
  /** "catalog models" */
  path: string[];
  subcommands: string[];
  options: { flag: string; takesValue: boolean; choices: readonly string[] | undefined }[];
}

function nodesOf(command: Command, path: string[] = []): Node[] {
  const options = (command.options as Option[])
    .filter((o) => o.long !== undefined)
    .map((o) => ({ flag: o.long!, takesValue: o.required || o.optional, choices: o.argChoices }));
  const here: Node = { path, subcommands: command.commands.map((c) => c.name()), options: [...options, { flag: '--help', takesValue: false, choices: undefined }] };
  return [here, ...command.commands.flatMap((c) => nodesOf(c, [...path, c.name()]))];
}

const words = (list: readonly string[]) => list.join(' ');

export function completionScript(shell: 'bash' | 'zsh' | 'fish', program: Command): string {
  const nodes = nodesOf(program);
  return shell === 'fish' ? fish(nodes) : bash(nodes, shell === 'zsh');
}

function bash(nodes: Node[], zsh: boolean): string {
  // the command path is the leading words that name subcommands; then the word before the cursor
  const cases = nodes.map((node) => {
    const key = node.path.join(' ');
    const choices = node.options
      .filter((o) => o.choices !== undefined)
      .map((o) => `        ${o.flag}) COMPREPLY=($(compgen -W "${words(o.choices!)}" -- "$cur")); return ;;`);
    const valued = node.options.filter((o) => o.takesValue && o.choices === undefined).map((o) => o.flag);
    return [
      `    "${key}")`,
      '      case "$prev" in',
      ...choices,
      ...(valued.length > 0 ? [`        ${valued.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []),
      '      esac',
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(node.options.map((o) => o.flag))}" -- "$cur")); return; fi`,
      node.subcommands.length > 0 ? `      COMPREPLY=($(compgen -W "${words(node.subcommands)}" -- "$cur")); return ;;` : '      COMPREPLY=($(compgen -f -- "$cur")); return ;;',
    ].join('\n');
  });
  const known = nodes.filter((n) => n.subcommands.length > 0).map((n) => [n.path.join(' '), n.subcommands] as const);
  return `# cloudtco completion for ${zsh ? 'zsh (through bashcompinit)' : 'bash'}: made by \`cloudtco completion ${zsh ? 'zsh' : 'bash'}\`
${zsh ? 'autoload -U +X bashcompinit && bashcompinit\n' : ''}_cloudtco() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" words="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$words" in
${known.map(([key, subs]) => `      "${key}") case "$word" in ${subs.join('|')}) words="\${words:+$words }$word" ;; esac ;;`).join('\n')}
    esac
  done
  case "$words" in
${cases.join('\n')}
  esac
}
complete -o default -F _cloudtco cloudtco
`;
}

function fish(nodes: Node[]): string {
  const lines = ['# cloudtco completion for fish: made by `cloudtco completion fish`', 'complete -c cloudtco -f'];
  for (const node of nodes) {
    // fish: a command path is "seen" when its words are on the line and no deeper subcommand is
    const condition =
      node.path.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${node.path[node.path.length - 1]}${node.path.length > 1 ? `; and __fish_seen_subcommand_from ${node.path[0]}` : ''}`;
    if (node.subcommands.length > 0) lines.push(`complete -c cloudtco -n '${condition}' -a '${words(node.subcommands)}'`);
    for (const o of node.options) {
      const name = o.flag.replace(/^--/, '');
      if (o.choices !== undefined) lines.push(`complete -c cloudtco -n '${condition}' -l ${name} -xa '${words(o.choices)}'`);
      else if (o.takesValue) lines.push(`complete -c cloudtco -n '${condition}' -l ${name} -rF`);
      else lines.push(`complete -c cloudtco -n '${condition}' -l ${name}`);
    }
    if (node.path.length > 0 && node.subcommands.length === 0) lines.push(`complete -c cloudtco -n '${condition}' -F`);
  }
  return `${lines.join('\n')}\n`;
}
