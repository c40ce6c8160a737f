// The kubelet's /logs/ answers with Go's http.FileServer listing of the node's /var/log: `<a href="x">x</a>` lines.
export interface LogListingEntry {
  name: string;
  directory: boolean;
}

export function logListing(html: string): LogListingEntry[] {
  const entries: LogListingEntry[] = [];
  for (const match of html.matchAll(/<a href="([^"]*)">/g)) {
    const href = decodeEntities(match[1] ?? '');
    let name = href;
    try {
      name = decodeURIComponent(href);
    } catch {
      // A name that is not valid percent-encoding is shown as the kubelet sent it.
    }
    if (name === '' || name.startsWith('/') || name.includes('..')) continue;
    entries.push({name: name.replace(/\/$/, ''), directory: name.endsWith('/')});
  }
  return entries;
}

// Whether /logs/?query=kubelet was answered as node log query: a kubelet without the feature ignores the query
// and sends the /var/log listing again.
export function logQueryLines(answer: string): string[] | undefined {
  if (/^\s*<pre>/.test(answer) && /<a href=/.test(answer)) return undefined;
  const lines = answer.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
