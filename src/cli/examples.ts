// Examples shown at the end of each command's --help, by command path. Command lines are the
// same in every language; only the heading is translated. A new command adds its entry here.
export const EXAMPLES: Record<string, readonly string[]> = {
  list: ['irbook list', 'irbook list --json'],
  validate: ['irbook validate', 'irbook validate playbooks/chat-leak.yaml', 'irbook validate --format github --max-warnings 0', 'irbook validate --format sarif > irbook.sarif'],
  show: ['irbook show chat-leak', 'irbook show chat-leak --format mermaid > chat-leak.md', 'irbook show chat-leak --json'],
  start: ['irbook start chat-leak', 'irbook start chat-leak --exercise --speed 60', 'irbook start chat-leak --answers answers.yaml'],
  resume: ['irbook resume INC-20261123-001'],
  status: ['irbook status', 'irbook status INC-20261123-001 --json'],
  timeline: ['irbook timeline INC-20261123-001', 'irbook timeline INC-20261123-001 --tz Asia/Tokyo'],
  note: ['irbook note INC-20261123-001 "called the DPO"'],
  evidence: ['irbook evidence INC-20261123-001 export.zip --note "WeCom chat export"'],
  verify: ['irbook verify INC-20261123-001'],
  report: ['irbook report INC-20261123-001 -t hq', 'irbook report INC-20261123-001 -t authority -f md -o -'],
  'drill compare': ['irbook drill compare INC-20261101-001 INC-20261115-002', 'irbook drill compare INC-20261101-001 INC-20261115-002 -f pdf -o drills.pdf'],
  drill: ['irbook drill compare INC-20261101-001 INC-20261115-002'],
  incidents: ['irbook incidents', 'irbook incidents --exercises --json'],
  init: ['irbook init', 'irbook init team-playbooks --example chat-leak'],
  completion: ['irbook completion bash >> ~/.bashrc', 'irbook completion zsh > "${fpath[1]}/_irbook"', 'irbook completion fish > ~/.config/fish/completions/irbook.fish'],
  help: ['irbook help validate'],
};
