/**
 * The agreement report's HTML for its webview (agreementView.ts). Pure: markdown-it renders the report's Markdown
 * (raw HTML in it is escaped; links to the workspace's articles, `file:` URIs that markdown-it drops by default, are
 * kept); a strict Content-Security-Policy allows nothing from the network, and only the inline style and the one
 * script that carry the nonce. The script sends a clicked article link to the extension.
 */
import MarkdownIt from 'markdown-it';

/** The report's page: links to articles (`file:…#L<line>,<column>`) clickable, and a link to the Markdown source. */
export function reportHtml(markdown: string, cspSource: string, nonce: string): string {
  const md = new MarkdownIt({ html: false, linkify: false });
  const validate = md.validateLink.bind(md);
  // The report's own links go to the articles of the workspace (file: URIs), which markdown-it drops by default.
  md.validateLink = (url: string) => /^file:\/\//i.test(url) || validate(url);
  const csp = ["default-src 'none'", `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 4px 24px 24px; max-width: 980px; line-height: 1.5; }
  h1, h2, h3 { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, transparent); padding-bottom: 2px; }
  table { border-collapse: collapse; margin: 8px 0; }
  th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; }
  td { font-variant-numeric: tabular-nums; }
  code { font-family: var(--vscode-editor-font-family); }
  a { color: var(--vscode-textLink-foreground); cursor: pointer; }
  .source { float: right; font-size: 90%; }
</style>
</head>
<body>
<a class="source" href="#source" title="Open the report as a Markdown document">Markdown source</a>
${md.render(markdown)}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a') : null;
    if (!a) return;
    const href = a.getAttribute('href') || '';
    if (href === '#source') vscode.postMessage({ source: true });
    else if (/^file:/i.test(href)) vscode.postMessage({ open: href });
    else return;
    event.preventDefault();
  });
</script>
</body>
</html>`;
}

